import { join } from 'node:path';
import { DEPLOYMENT_TARGETS, type ClusterKind, type TargetName } from '@temporal-samples/tools/apps/deployment-targets';
import { CLOUD_LIKE } from '@temporal-samples/tools/cluster/cloud-like';
import type { LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import { mintToken } from '@temporal-samples/tools/tokens/mint-token';
import { loadOrCreateSigningKey } from '@temporal-samples/tools/tokens/signing-key';
import { startTestCluster } from './test-cluster';

export type { TargetName as DeploymentTarget } from '@temporal-samples/tools/apps/deployment-targets';

export interface TargetCluster {
  namespace: string;
  start(): Promise<LocalCluster>;
  /** What an app of this target needs on top of its own .env to reach the cluster. */
  env(cluster: LocalCluster, taskQueue?: string): Record<string, string>;
}

/** The local cluster of each kind the deployment targets name, as the apps run against it in tests. */
const CLUSTERS: Record<ClusterKind, TargetCluster> = {
  plain: {
    namespace: 'samples',
    start: () => startTestCluster(['samples']),
    env: (cluster) => ({ TEMPORAL_ADDRESS: cluster.address }),
  },
  mtls: {
    namespace: 'samples',
    start: () => startTestCluster(['samples'], { mtls: true }),
    env: (cluster) => ({ TEMPORAL_ADDRESS: cluster.address }),
  },
  'cloud-like': {
    namespace: CLOUD_LIKE.namespace,
    start: () => startTestCluster([CLOUD_LIKE.namespace], { cloudLike: true }),
    env: (cluster, taskQueue = 'greetings') => ({
      TEMPORAL_ADDRESS: cluster.address,
      TEMPORAL_NAMESPACE: CLOUD_LIKE.namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: join(CLOUD_LIKE.certsDir, 'server-ca.pem'),
      TEMPORAL_TLS_SERVER_NAME: CLOUD_LIKE.apiKeyServerName,
      TEMPORAL_API_KEY: mintToken(loadOrCreateSigningKey(CLOUD_LIKE.certsDir), {
        namespace: CLOUD_LIKE.namespace,
        role: 'write',
        ttlSeconds: 600,
      }),
    }),
  },
};

/** The local cluster each deployment target's apps run against in tests. */
export const TARGET_CLUSTERS = Object.fromEntries(
  Object.entries(DEPLOYMENT_TARGETS).map(([target, { cluster }]) => [target, CLUSTERS[cluster]]),
) as Record<TargetName, TargetCluster>;
