export * from './errors/index';
export { contextOf, withContext, type FailureContext } from './errors/failure-context';
/** @deprecated the former name of ErrorWithFix */
export { ErrorWithFix as SetupError } from './errors/index';
export { loadProfile, type LoadProfileOptions } from './profile/load-profile';
export { loadAppProfile, type AppProfile } from './profile/app-profile';
export { resolveProfile, type ResolveProfileOptions } from './profile/resolve-profile';
export type { SecretStore, SecretVersion } from './secrets/secret-store';
export type { ProfileSecrets, ReadSecret } from './secrets/read-secrets';
export { watchSecretVersions, type SecretVersionWatch } from './secrets/watch-secret-versions';
export { AwsSecretsManager, AWS_SECRETS_MANAGER } from './secrets/aws-secrets-manager';
export type { Profile, ProfileEntry, TlsMaterial } from './profile/profile';
export { describeProfile } from './profile/describe-profile';
export { parsePemBlocks } from './profile/pem';
export { mergeLayers, readEnvLayers, type EnvLayer, type MergedEnv } from './profile/env-layers';
export {
  CODEC_COMPRESS_ABOVE,
  CODEC_KEY_FILE,
  CODEC_KEYS,
  resolveCodecSettings,
  type CodecSettings,
} from './profile/codec-settings';
export { codecStartLine } from './connect/codec-start-line';
export { connectionOptions, type ProfileConnectionOptions } from './connect/connection-options';
export { loadClientConnectConfig } from './connect/client-connect-config';
export { connectClient, dataConverter, CONNECT_TIMEOUT_MS, type ConnectClientOptions } from './connect/connect';
export { describeFailure, formatFailure, ReportedFailure, runMain, type FailureReport } from './run/run-main';
export { awaitResult, RESULT_TIMEOUT_MS } from './run/await-result';
export { API_KEY_FILE } from './profile/api-key-file';
export { OTLP_ENDPOINT, SERVICE_NAME, resolveOtlpSettings, type OtlpSettings } from './profile/otlp-settings';
export { tracerProvider, flushTraces } from './telemetry/tracing';
