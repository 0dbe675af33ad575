import { parseArgs } from 'node:util';
import { loadProfile, runMain } from '@temporal-samples/connection';
import { connectConnection } from '@temporal-samples/connection/tools';
import { UsageError } from '../cli/errors';
import { ensureNamespace } from './ensure-namespace';

const USAGE = 'npx nx run tools:namespace -- --name <namespace> [--retention <days>] [--env-dir <app folder>]';

/** Registers a namespace on the server of a profile (TEMPORAL_ADDRESS, default localhost:7233). */
runMain(async () => {
  const { values } = parseArgs({
    options: { name: { type: 'string' }, retention: { type: 'string' }, 'env-dir': { type: 'string' } },
  });
  if (!values.name) throw new UsageError('--name is missing.', `run ${USAGE}`);
  const retentionDays = Number(values.retention ?? '1');
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new UsageError(
      `--retention is "${values.retention}", not a whole number of days.`,
      'give e.g. --retention 3',
    );
  }
  const envDir = values['env-dir'];
  const defaults = envDir ? {} : { TEMPORAL_ADDRESS: 'localhost:7233' };
  const profile = loadProfile({ envDir, env: { ...defaults, ...process.env, TEMPORAL_NAMESPACE: values.name } });
  const connection = await connectConnection(profile);
  const outcome = await ensureNamespace(connection, values.name, retentionDays);
  console.log(
    outcome === 'created'
      ? `Created namespace "${values.name}" on ${profile.address} (retention ${retentionDays} d).`
      : `Found namespace "${values.name}" on ${profile.address}; left as it is.`,
  );
});
