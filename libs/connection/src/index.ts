export * from './errors';
export { loadProfile, type LoadProfileOptions } from './load-profile';
export type { Profile, ProfileEntry, TlsMaterial } from './profile';
export { describeProfile } from './describe-profile';
export { connectionOptions, type ProfileConnectionOptions } from './connection-options';
export {
  connectClient,
  connectConnection,
  connectWorker,
  dataConverter,
  CONNECT_TIMEOUT_MS,
  type ConnectClientOptions,
  type WorkerConnection,
} from './connect';
export { LEGACY_ALIASES } from './aliases';
export { parsePemBlocks } from './pem';
export { formatFailure, runMain } from './run-main';
export { loadAppProfile, type AppProfile } from './app-profile';
export { awaitResult, ResultTimeoutError, RESULT_TIMEOUT_MS } from './await-result';
export {
  diagnoseConnectFailure,
  explainTlsOutcome,
  hostAndPort,
  probeWithProfile,
  speaksTls,
  unreachable,
} from './diagnose/diagnose-connect';
export { explainPermissionDenied, isPermissionDenied } from './diagnose/explain-permission';
export {
  probeTcp,
  probeTls,
  type PeerCertificate,
  type ProbeOutcome,
  type TlsProbeOptions,
} from './diagnose/tls-probe';
export { CODEC_COMPRESS_ABOVE, CODEC_KEY_FILE, CODEC_KEYS, type CodecSettings } from './codec-settings';
export { mergeLayers, readEnvLayers, type EnvLayer, type MergedEnv } from './env-layers';
export { resolveCodecSettings } from './codec-settings';
export { apiKeyClaims, canWrite, rolesOn, type ApiKeyClaims } from './diagnose/api-key-claims';
