import { generateCertificates } from '@temporal-samples/tools/certs/generate';
import { certsDir } from '@temporal-samples/tools/certs/layout';
import { DEFAULT_SERVER_NAME } from '@temporal-samples/tools/certs/options';
import { prepareCloudLike } from '@temporal-samples/tools/cluster/cloud-like';
import {
  startLocalCluster,
  type LocalCluster,
  type LocalClusterOptions,
} from '@temporal-samples/tools/cluster/local-cluster';
import { requireBinary } from '@temporal-samples/tools/cluster/go-binary';
import { TEMPORAL_SERVER } from '@temporal-samples/tools/cluster/server-binary';
import { clusterTlsFiles, WEB_UI_CLIENT } from '@temporal-samples/tools/cluster/tls-config';
import { TEMPORAL_UI_SERVER } from '@temporal-samples/tools/cluster/ui-server-binary';

export interface TestClusterOptions extends Pick<LocalClusterOptions, 'store' | 'topology' | 'webUi'> {
  /** Mutual TLS with the workspace's generated certificates (made if missing), as local-mtls expects. */
  mtls?: boolean;
  /** The cloud-like cluster cloud-mtls expects: mTLS, an API-key endpoint and token checks. */
  cloudLike?: boolean;
}

/**
 * A real server on free loopback ports for one test file, SQLite in memory unless a store is
 * given. The binaries must exist already: `npm test` builds them before Jest starts, so no test
 * waits on a Go build.
 */
export async function startTestCluster(namespaces: string[], options: TestClusterOptions = {}): Promise<LocalCluster> {
  const binary = requireBinary(TEMPORAL_SERVER);
  const { mtls, cloudLike, webUi, ...rest } = options;
  const common = {
    namespaces,
    binary,
    ...rest,
    webUi: webUi && { ...webUi, binary: requireBinary(TEMPORAL_UI_SERVER) },
  };
  if (cloudLike) {
    const { tls, signingKey } = await prepareCloudLike();
    return startLocalCluster({ ...common, tls, tokenSigningKey: signingKey });
  }
  if (!mtls) return startLocalCluster(common);
  await generateCertificates({ outDir: certsDir(), clients: [WEB_UI_CLIENT] });
  return startLocalCluster({ ...common, tls: clusterTlsFiles(certsDir(), DEFAULT_SERVER_NAME) });
}
