import { loadProfile } from '@temporal-samples/connection';
import { connectConnection } from '@temporal-samples/connection/tools';
import { runCommand } from '../cli/command';
import { UsageError } from '../cli/errors';
import { ensureNamespace } from './ensure-namespace';
import { parseRetentionDays } from './retention';

/** Registers a namespace on the server of a profile (TEMPORAL_ADDRESS, default localhost:7233). */
runCommand(
  {
    usage: 'npx nx run tools:namespace --',
    summary:
      "Registers a namespace on the Temporal server of a profile (the app's .env with --env-dir, " +
      'else TEMPORAL_ADDRESS, default localhost:7233); says whether it created it or found it.',
    options: {
      namespace: { type: 'string', value: '<namespace>', aliases: ['name'], description: 'the namespace' },
      retention: {
        type: 'string',
        value: '<duration>',
        default: '24h',
        description: 'how long closed workflows are kept: 72h, 3d',
      },
      'env-dir': { type: 'string', value: '<app folder>', description: "connect with this app's profile" },
    },
    examples: ['npx nx run tools:namespace -- --namespace team-a --retention 72h'],
  },
  async (values) => {
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
  },
);
