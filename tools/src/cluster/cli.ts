import { parseArgs } from 'node:util';
import { runMain } from '@temporal-samples/connection';
import { UsageError } from '../cli/errors';
import { progress } from '../cli/progress';
import { untilStopSignal } from '../cli/signals';
import { clusterTlsForProfile, loadProfileMakingCerts } from './cluster-for-profile';
import { startLocalCluster } from './local-cluster';

const DEFAULT_PORT = 7233;

function portOf(address: string): number {
  return Number(address.slice(address.lastIndexOf(':') + 1));
}

/**
 * `npx nx run <app>:server`: a local server in the foreground for that app's profile, until Ctrl-C:
 * plaintext for a plaintext profile, mutual TLS (certificates generated if missing) for a TLS one.
 */
runMain(async () => {
  const { values } = parseArgs({ options: { 'env-dir': { type: 'string' }, port: { type: 'string' } } });
  const profile = await loadProfileMakingCerts({ envDir: values['env-dir'] }, progress);
  const port = values.port ? Number(values.port) : portOf(profile.address) || DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UsageError(`--port is "${values.port}", not a TCP port.`, 'give e.g. --port 7233');
  }
  const cluster = await startLocalCluster({
    frontendPort: port,
    namespaces: [profile.namespace],
    tls: clusterTlsForProfile(profile),
    onProgress: progress,
  });
  const security = cluster.tls ? `mutual TLS, server name ${cluster.tls.serverName}` : 'no TLS';
  console.log(
    `Temporal server listening on ${cluster.address} (${security}), namespace "${profile.namespace}" ready. Ctrl-C stops it.`,
  );
  const signal = await untilStopSignal();
  progress(`${signal} received, stopping the server...`);
  await cluster.stop();
  console.log('Temporal server stopped.');
});
