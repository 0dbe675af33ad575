import { basename, dirname, join, relative, resolve } from 'node:path';
import { hostAndPort } from '@temporal-samples/connection/tools';
import { appDir, WORKSPACE_ROOT } from '../apps/app-process';
import { generateCertificates } from '../certs/generate';
import type { CommandAction } from '../cli/command';
import { progress } from '../cli/progress';
import { untilStopSignal } from '../cli/signals';
import { serverArgs, type SERVER_COMMAND, type ServerArgs } from './args';
import { CLOUD_LIKE, prepareCloudLike } from './cloud-like';
import { clusterTlsForProfile, loadProfileMakingCerts } from './cluster-for-profile';
import { startLocalCluster, type LocalCluster, type LocalClusterOptions } from './local-cluster';
import { DEFAULT_FRONTEND_PORT } from './ports';
import type { StoreOptions } from './stores/store';
import { WEB_UI_CLIENT } from './tls-config';

/** The app's data folder under the workspace's git-ignored tmp/: tmp/clusters/<app>. */
function clusterDataDir(name: string): string {
  return join(WORKSPACE_ROOT, 'tmp', 'clusters', name);
}

function storeOptions(args: ServerArgs, dataDir: string): StoreOptions {
  if (args.store === 'memory') return { kind: 'memory' };
  if (args.store === 'sqlite') return { kind: 'sqlite', dir: dataDir };
  return { kind: 'postgres', dir: join(dataDir, 'postgres'), url: args.postgresUrl };
}

function common(args: ServerArgs, name: string): Pick<LocalClusterOptions, 'store' | 'topology'> {
  return { store: storeOptions(args, clusterDataDir(name)), topology: args.topology };
}

/** The app's own profile decides: plaintext, or mTLS with the generated certificates; its codec keys go to the UI's codec server. */
async function appClusterOptions(args: ServerArgs): Promise<LocalClusterOptions> {
  const profile = await loadProfileMakingCerts({ envDir: args.envDir }, progress);
  const tls = clusterTlsForProfile(profile);
  if (tls && args.ui) await generateCertificates({ outDir: dirname(tls.serverCa), clients: [WEB_UI_CLIENT] });
  const name = basename(resolve(args.envDir ?? '.'));
  return {
    frontendPort: args.port ?? (hostAndPort(profile.address).port || DEFAULT_FRONTEND_PORT),
    namespaces: [profile.namespace],
    tls,
    ...common(args, name),
    webUi: args.ui ? { port: args.ui.port, codec: profile.codec } : undefined,
  };
}

/** The cloud-like cluster checks a bearer token on every call, which the UI server has no way to send: no UI there. */
async function cloudLikeOptions(args: ServerArgs): Promise<LocalClusterOptions> {
  const { tls, signingKey } = await prepareCloudLike(progress);
  return {
    frontendPort: args.port ?? DEFAULT_FRONTEND_PORT,
    namespaces: [CLOUD_LIKE.namespace],
    tls,
    tokenSigningKey: signingKey,
    ...common(args, 'cloud-like'),
  };
}

function cloudLikeHowTo(address: string): string {
  const dir = CLOUD_LIKE.certsDir;
  const certs = relative(WORKSPACE_ROOT, dir).startsWith('..') ? dir : relative(appDir('cloud-mtls'), dir);
  return [
    'To reach it from apps/cloud-mtls, put in apps/cloud-mtls/.env.local:',
    `  TEMPORAL_ADDRESS=${address}`,
    `  TEMPORAL_NAMESPACE=${CLOUD_LIKE.namespace}`,
    '  TEMPORAL_TASK_QUEUE=greetings',
    `  TEMPORAL_TLS_SERVER_CA_CERT_PATH=${certs}/server-ca.pem`,
    '  and either mTLS (the namespace endpoint):',
    `  TEMPORAL_TLS_SERVER_NAME=${CLOUD_LIKE.serverName}`,
    `  TEMPORAL_TLS_CLIENT_CERT_PATH=${certs}/clients/${CLOUD_LIKE.client}.pem`,
    `  TEMPORAL_TLS_CLIENT_KEY_PATH=${certs}/clients/${CLOUD_LIKE.client}.key`,
    '  or an API key (the API-key endpoint):',
    `  TEMPORAL_TLS_SERVER_NAME=${CLOUD_LIKE.apiKeyServerName}`,
    'and, for both, a token this cluster accepts as the API key:',
    `  npx nx run tools:token -- --namespace ${CLOUD_LIKE.namespace} --role write --write-env apps/cloud-mtls/.env.local`,
  ].join('\n');
}

function startupLine(cluster: LocalCluster, cloudLike: boolean, namespace: string): string {
  const security = cloudLike
    ? `cloud-like: mutual TLS as ${CLOUD_LIKE.serverName}, API keys as ${CLOUD_LIKE.apiKeyServerName}`
    : cluster.tls
      ? `mutual TLS, server name ${cluster.tls.serverName}`
      : 'no TLS';
  const where = cluster.frontendAddresses.join(' and ');
  const processes = cluster.topology === 'split' ? `, services split over ${cluster.processes.length} processes` : '';
  const ui = cluster.webUi
    ? `Web UI: ${cluster.webUi.url}${cluster.webUi.codecEndpoint ? ` (payloads decoded by ${cluster.webUi.codecEndpoint})` : ''}`
    : 'Web UI: off';
  return [
    `Temporal server listening on ${where} (${security}${processes}), namespace "${namespace}" ready.`,
    `Store: ${cluster.store.description}. ${ui}. Ctrl-C stops it.`,
  ].join('\n');
}

/**
 * `npx nx run <app>:server`: a local cluster in the foreground for that app, until Ctrl-C:
 * plaintext or mutual TLS as the app's profile expects, or `--cloud-like` (mTLS, an API-key
 * endpoint, and bearer tokens checked per namespace by the server's JWT authorizer).
 */
export const serverAction: CommandAction<typeof SERVER_COMMAND> = async (values) => {
  const args = serverArgs(values);
  const options = args.cloudLike ? await cloudLikeOptions(args) : await appClusterOptions(args);
  if (args.cloudLike && args.ui)
    progress('Web UI: not for the cloud-like cluster (every call there needs a bearer token).');
  const cluster = await startLocalCluster({ ...options, onProgress: progress });
  console.log(startupLine(cluster, args.cloudLike, options.namespaces[0]));
  if (args.cloudLike) console.log(cloudLikeHowTo(cluster.address));
  const signal = await untilStopSignal();
  progress(`${signal} received, stopping the server...`);
  await cluster.stop();
  console.log('Temporal server stopped.');
};
