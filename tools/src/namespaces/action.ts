import { loadProfile } from '@temporal-samples/connection';
import { connectConnection } from '@temporal-samples/connection/tools';
import type { CommandAction } from '../cli/command';
import { UsageError } from '../cli/errors';
import type { NAMESPACE_COMMAND } from './args';
import { ensureNamespace } from './ensure-namespace';
import { parseRetentionDays } from './retention';

/** Registers a namespace on the server of a profile (TEMPORAL_ADDRESS, default localhost:7233). */
export const namespaceAction: CommandAction<typeof NAMESPACE_COMMAND> = async (values) => {
  const namespace = values.namespace;
  if (!namespace) throw new UsageError('--namespace is missing.', 'give e.g. --namespace team-a');
  const retentionDays = parseRetentionDays(values.retention);
  const envDir = values['env-dir'];
  const defaults = envDir ? {} : { TEMPORAL_ADDRESS: 'localhost:7233' };
  const profile = loadProfile({ envDir, env: { ...defaults, ...process.env, TEMPORAL_NAMESPACE: namespace } });
  const connection = await connectConnection(profile);
  const outcome = await ensureNamespace(connection, namespace, retentionDays);
  console.log(
    outcome === 'created'
      ? `Created namespace "${namespace}" on ${profile.address} (retention ${retentionDays} d).`
      : `Found namespace "${namespace}" on ${profile.address}; left as it is.`,
  );
};
