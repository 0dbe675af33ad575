import { generateCertificates } from '@temporal-samples/tools/certs/generate';
import { DEFAULT_CERTS_DIR } from '@temporal-samples/tools/certs/layout';
import { DEFAULT_SERVER_NAME } from '@temporal-samples/tools/certs/options';
import { prepareCloudLike } from '@temporal-samples/tools/cluster/cloud-like';
import { startLocalCluster, type LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import { requireBinary } from '@temporal-samples/tools/cluster/go-binary';
import { TEMPORAL_SERVER } from '@temporal-samples/tools/cluster/server-binary';
import { clusterTlsFiles } from '@temporal-samples/tools/cluster/tls-config';

export interface TestClusterOptions {
  /** Mutual TLS with the workspace's generated certificates (made if missing), as local-mtls expects. */
  mtls?: boolean;
  /** The cloud-like cluster cloud-mtls expects: mTLS, an API-key endpoint and token checks. */
  cloudLike?: boolean;
}

/**
 * A real server on free loopback ports for one test file. The binary must exist already:
 * `npm test` builds it before Jest starts, so no test waits on a Go build.
 */
export async function startTestCluster(namespaces: string[], options: TestClusterOptions = {}): Promise<LocalCluster> {
  const binary = requireBinary(TEMPORAL_SERVER);
  if (options.cloudLike) {
    const { tls, signingKey } = await prepareCloudLike();
    return startLocalCluster({ namespaces, binary, tls, tokenSigningKey: signingKey });
  }
  if (!options.mtls) return startLocalCluster({ namespaces, binary });
  await generateCertificates({ outDir: DEFAULT_CERTS_DIR });
  return startLocalCluster({ namespaces, binary, tls: clusterTlsFiles(DEFAULT_CERTS_DIR, DEFAULT_SERVER_NAME) });
}
