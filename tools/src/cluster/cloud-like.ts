import { join } from 'node:path';
import { generateCertificates } from '../certs/generate';
import { certsDir } from '../certs/layout';
import { loadOrCreateSigningKey, type SigningKey } from '../tokens/signing-key';
import { clusterTlsFiles, type ClusterTlsFiles } from './tls-config';

/**
 * The local stand-in for a Temporal Cloud namespace. Names end in `.test`, a top-level domain
 * reserved for testing that never resolves on the internet.
 */
export const CLOUD_LIKE = {
  namespace: 'sample.local01',
  /** The namespace endpoint: mutual TLS, like `<namespace>.<account>.tmprl.cloud`. */
  serverName: 'sample.local01.tmprl.test',
  /** The API-key endpoint: TLS without client certificates, like `<region>.<cloud>.api.temporal.io`. */
  apiKeyServerName: 'local.api.tmprl.test',
  /** certs/cloud-like, in SAMPLES_CERTS_DIR when that is set. */
  get certsDir(): string {
    return join(certsDir(), 'cloud-like');
  },
  client: 'cloud-mtls',
};

export interface CloudLikeMaterial {
  tls: ClusterTlsFiles;
  signingKey: SigningKey;
}

/** Certificates (its own CAs, in <certificate folder>/cloud-like) and the token signing key, made when missing. */
export async function prepareCloudLike(onProgress?: (message: string) => void): Promise<CloudLikeMaterial> {
  await generateCertificates({
    outDir: CLOUD_LIKE.certsDir,
    serverName: CLOUD_LIKE.serverName,
    extraServerNames: [CLOUD_LIKE.apiKeyServerName],
    clients: [CLOUD_LIKE.client],
    onProgress,
  });
  return {
    tls: {
      ...clusterTlsFiles(CLOUD_LIKE.certsDir, CLOUD_LIKE.serverName),
      apiKeyServerName: CLOUD_LIKE.apiKeyServerName,
    },
    signingKey: loadOrCreateSigningKey(CLOUD_LIKE.certsDir),
  };
}
