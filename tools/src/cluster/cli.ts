import { hostAndPort } from '@temporal-samples/connection/tools';
import { runCommand } from '../cli/command';
import { UsageError } from '../cli/errors';
import { progress } from '../cli/progress';
import { untilStopSignal } from '../cli/signals';
import { CLOUD_LIKE, prepareCloudLike } from './cloud-like';
import { clusterTlsForProfile, loadProfileMakingCerts } from './cluster-for-profile';
import { startLocalCluster, type LocalClusterOptions } from './local-cluster';

const DEFAULT_PORT = 7233;

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UsageError(`--port is "${text}", not a TCP port.`, 'give e.g. --port 7233');
  }
  return port;
}

/** The app's own profile decides: plaintext, or mTLS with the generated certificates. */
async function appClusterOptions(envDir: string | undefined, port: number | undefined): Promise<LocalClusterOptions> {
  const profile = await loadProfileMakingCerts({ envDir }, progress);
  return {
    frontendPort: port ?? (hostAndPort(profile.address).port || DEFAULT_PORT),
    namespaces: [profile.namespace],
    tls: clusterTlsForProfile(profile),
  };
}

async function cloudLikeOptions(port: number | undefined): Promise<LocalClusterOptions> {
  const { tls, signingKey } = await prepareCloudLike(progress);
  return { frontendPort: port ?? DEFAULT_PORT, namespaces: [CLOUD_LIKE.namespace], tls, tokenSigningKey: signingKey };
}

function cloudLikeHowTo(address: string): string {
  const certs = '../../certs/cloud-like';
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

/**
 * `npx nx run <app>:server`: a local server in the foreground for that app, until Ctrl-C:
 * plaintext or mutual TLS as the app's profile expects, or `--cloud-like` (mTLS, an API-key
 * endpoint, and bearer tokens checked per namespace by the server's JWT authorizer).
 */
runCommand(
  {
    usage: 'npx nx run <app>:server --',
    summary:
      "Runs a real local Temporal server for an app's profile in the foreground until Ctrl-C: plaintext, or " +
      'mutual TLS (frontend and internode) with the generated certificates; or the cloud-like cluster.',
    options: {
      'env-dir': { type: 'string', value: '<app folder>', description: 'the app whose profile the server serves' },
      port: { type: 'string', value: '<port>', description: "the frontend port (default: the profile's, else 7233)" },
      'cloud-like': {
        type: 'boolean',
        description: 'mTLS, an API-key endpoint and bearer tokens checked per namespace, like Temporal Cloud',
      },
    },
  },
  async (values) => {
    const port = parsePort(values.port);
    const cloudLike = values['cloud-like'] === true;
    const options = cloudLike ? await cloudLikeOptions(port) : await appClusterOptions(values['env-dir'], port);
    const cluster = await startLocalCluster({ ...options, onProgress: progress });
    const security = cloudLike
      ? `cloud-like: mutual TLS as ${CLOUD_LIKE.serverName}, API keys as ${CLOUD_LIKE.apiKeyServerName}`
      : cluster.tls
        ? `mutual TLS, server name ${cluster.tls.serverName}`
        : 'no TLS';
    const namespace = options.namespaces[0];
    console.log(
      `Temporal server listening on ${cluster.address} (${security}), namespace "${namespace}" ready. Ctrl-C stops it.`,
    );
    if (cloudLike) console.log(cloudLikeHowTo(cluster.address));
    const signal = await untilStopSignal();
    progress(`${signal} received, stopping the server...`);
    await cluster.stop();
    console.log('Temporal server stopped.');
  },
);
