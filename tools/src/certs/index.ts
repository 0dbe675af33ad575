/** The certificate tool's library API; the CLI is cli.ts. */
export { generateCertificates, type CertificateEntry, type CertificateSet } from './generate';
export { type CertificateOptions, DEFAULT_DAYS, DEFAULT_SERVER_NAME, REQUIRED_CLIENTS } from './options';
export { appCertsEnv } from './app-certs-env';
export {
  certificatePaths,
  certsDir,
  CERTS_DIR_VARIABLE,
  clientFiles,
  CLIENT_CA,
  DEFAULT_CERTS_DIR,
  FRONTEND,
  INTERNODE,
  MANIFEST_FILE,
  SERVER_CA,
  type FilePair,
} from './layout';
export { type Manifest, type ManifestEntry } from './manifest';
export { formatSummary } from './summary';
export { expiryStatus, EXPIRY_WARNING_DAYS } from './status';
export { type KeyAlgorithm } from './keys';
export { CertMaterialError, CertOptionError, CertsDirError } from './errors';
export {
  generateExpiredClient,
  generateForeignClient,
  generateMismatchedClient,
  type TestClient,
} from './test-material';
