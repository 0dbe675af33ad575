import { parseArgs } from 'node:util';
import { loadProfile, runMain } from '@temporal-samples/connection';
import { UsageError } from '../cli/errors';
import { progress } from '../cli/progress';
import { untilStopSignal } from '../cli/signals';
import { startLocalCluster } from './local-cluster';

const DEFAULT_PORT = 7233;

function portOf(address: string): number {
  return Number(address.slice(address.lastIndexOf(':') + 1));
}

/** `npx nx run <app>:server`: a local server in the foreground for that app's profile, until Ctrl-C. */
runMain(async () => {
  const { values } = parseArgs({ options: { 'env-dir': { type: 'string' }, port: { type: 'string' } } });
  const profile = loadProfile({ envDir: values['env-dir'] });
  const port = values.port ? Number(values.port) : portOf(profile.address) || DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UsageError(`--port is "${values.port}", not a TCP port.`, 'give e.g. --port 7233');
  }
  const cluster = await startLocalCluster({ frontendPort: port, namespaces: [profile.namespace], onProgress: progress });
  console.log(`Temporal server listening on ${cluster.address}, namespace "${profile.namespace}" ready. Ctrl-C stops it.`);
  const signal = await untilStopSignal();
  progress(`${signal} received, stopping the server...`);
  await cluster.stop();
  console.log('Temporal server stopped.');
});
