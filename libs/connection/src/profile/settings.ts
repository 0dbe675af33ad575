/**
 * Every setting this project reads, one line each. The profile loader, the profile printer
 * (`<app>:profile`), doctor's list of known names and the certificate sources all read this
 * list: a new setting is one line here (keep the groups; `*` ends a family of names).
 */
export interface Setting {
  /** The environment variable, also accepted in an app's `.env` and `.env.local`. */
  name: string;
  /** Its key in a Temporal TOML profile, for settings envconfig also reads from one. */
  toml?: string;
  /** A credential: its value is never printed (the printer and doctor show `<redacted>`). */
  secret?: boolean;
  /** The library, app or tool that reads it. */
  readBy: string;
}

export type PemKind = 'CERTIFICATE' | 'PRIVATE KEY';

/** A certificate or key, given as a file (`<prefix>_PATH`) or inline (`<prefix>_DATA`). */
export interface PemSettingPair {
  prefix: string;
  /** The TOML key without its `_path` / `_data` suffix. */
  toml: string;
  /** The field of envconfig's `ClientConfigTLS`. */
  envconfigKey: 'clientCert' | 'clientKey' | 'serverCACert';
  kind: PemKind;
}

export const PEM_SETTINGS: readonly PemSettingPair[] = [
  { prefix: 'TEMPORAL_TLS_CLIENT_CERT', toml: 'tls.client_cert', envconfigKey: 'clientCert', kind: 'CERTIFICATE' },
  { prefix: 'TEMPORAL_TLS_CLIENT_KEY', toml: 'tls.client_key', envconfigKey: 'clientKey', kind: 'PRIVATE KEY' },
  {
    prefix: 'TEMPORAL_TLS_SERVER_CA_CERT',
    toml: 'tls.server_ca_cert',
    envconfigKey: 'serverCACert',
    kind: 'CERTIFICATE',
  },
];

/** A credential read from a secrets manager: `<setting>_SECRET=<secret id or ARN>[#<JSON field>]` (docs/secrets.md). */
export const SECRET_SUFFIX = '_SECRET';
const SECRETS_READER = 'connection (AWS Secrets Manager); polled by libs/worker-runtime';

/** A private key given inline is a secret; paths and certificates are not. */
const pemPair = ({ prefix, toml, kind }: PemSettingPair): Setting[] => [
  { name: `${prefix}_PATH`, toml: `${toml}_path`, readBy: 'connection' },
  { name: `${prefix}_DATA`, toml: `${toml}_data`, secret: kind === 'PRIVATE KEY', readBy: 'connection' },
  { name: `${prefix}${SECRET_SUFFIX}`, readBy: SECRETS_READER },
];

export const SETTINGS: readonly Setting[] = [
  // The connection (libs/connection): the standard names envconfig and the Temporal CLI read.
  { name: 'TEMPORAL_ADDRESS', toml: 'address', readBy: 'connection' },
  { name: 'TEMPORAL_NAMESPACE', toml: 'namespace', readBy: 'connection' },
  { name: 'TEMPORAL_API_KEY', toml: 'api_key', secret: true, readBy: 'connection' },
  { name: 'TEMPORAL_API_KEY_FILE', readBy: 'connection; watched by libs/worker-runtime' },
  { name: 'TEMPORAL_API_KEY_SECRET', readBy: SECRETS_READER },
  { name: 'TEMPORAL_TLS', toml: 'tls.disabled', readBy: 'connection' },
  ...PEM_SETTINGS.flatMap(pemPair),
  { name: 'TEMPORAL_TLS_SERVER_NAME', toml: 'tls.server_name', readBy: 'connection' },
  { name: 'TEMPORAL_TLS_DISABLE_HOST_VERIFICATION', toml: 'tls.disable_host_verification', readBy: 'connection' },
  { name: 'TEMPORAL_PROFILE', readBy: 'connection' },
  { name: 'TEMPORAL_CONFIG_FILE', readBy: 'connection' },
  { name: 'TEMPORAL_GRPC_META_AUTHORIZATION', toml: 'grpc_meta.authorization', secret: true, readBy: 'connection' },
  { name: 'TEMPORAL_GRPC_META_*', toml: 'grpc_meta.*', readBy: 'connection' },
  { name: 'TEMPORAL_CODEC_ENDPOINT', toml: 'codec.endpoint', readBy: 'Temporal CLI and Web UI' },
  { name: 'TEMPORAL_CODEC_AUTH', toml: 'codec.auth', secret: true, readBy: 'Temporal CLI and Web UI' },
  // The apps.
  { name: 'TEMPORAL_TASK_QUEUE', readBy: 'apps' },
  { name: 'PAYLOAD_CODEC_KEYS', secret: true, readBy: 'connection (payload codec)' },
  { name: 'PAYLOAD_CODEC_KEY_FILE', readBy: 'connection (payload codec)' },
  { name: 'PAYLOAD_CODEC_KEYS_SECRET', readBy: 'connection (payload codec, AWS Secrets Manager); read at start' },
  // Secrets managers (docs/secrets.md); AWS credentials come from the AWS SDK's own chain.
  { name: 'AWS_REGION', readBy: 'connection (AWS Secrets Manager)' },
  { name: 'AWS_ENDPOINT_URL_SECRETS_MANAGER', readBy: 'connection (AWS Secrets Manager)' },
  { name: 'SECRETS_POLL_INTERVAL', readBy: 'libs/worker-runtime (default 60s)' },
  { name: 'PAYLOAD_CODEC_COMPRESS_ABOVE', readBy: 'connection (payload codec)' },
  { name: 'STARTER_HOST', readBy: 'libs/starter' },
  { name: 'STARTER_PORT', readBy: 'libs/starter' },
  { name: 'STARTER_HEALTH_ADDRESS', readBy: 'libs/starter' },
  { name: 'WORKER_HEALTH_ADDRESS', readBy: 'libs/worker-runtime' },
  { name: 'WORKER_SHUTDOWN_GRACE_TIME', readBy: 'libs/worker-runtime' },
  { name: 'TEMPORAL_TLS_CERT_EXPIRY_WARNING', readBy: 'libs/worker-runtime and doctor' },
  { name: 'WORKER_METRICS_ADDRESS', readBy: 'libs/worker-runtime (Prometheus /metrics)' },
  { name: 'LOG_LEVEL', readBy: 'libs/worker-runtime' },
  { name: 'LOG_FORMAT', readBy: 'libs/worker-runtime' },
  { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', readBy: 'libs/worker-runtime (OTLP/HTTP traces and metrics)' },
  { name: 'OTEL_SERVICE_NAME', readBy: 'libs/worker-runtime (traces)' },
  // The tools.
  { name: 'TEMPORAL_SERVER_BIN', readBy: 'tools' },
  { name: 'TEMPORAL_CLI_BIN', readBy: 'tools' },
  { name: 'SAMPLES_CERTS_DIR', readBy: "tools: the certificate folder (default the workspace's certs/; docs/tls.md)" },
];

const FAMILY = '*';

function matches(pattern: string | undefined, name: string): boolean {
  if (pattern === undefined) return false;
  const [wanted, given] = [pattern.toLowerCase(), name.toLowerCase()];
  return wanted.endsWith(FAMILY) ? given.startsWith(wanted.slice(0, -1)) : given === wanted;
}

/** The catalogue entry for an environment name or a TOML key; an exact entry wins over its family. */
export function settingFor(variable: string): Setting | undefined {
  const candidates = SETTINGS.filter((setting) => matches(setting.name, variable) || matches(setting.toml, variable));
  return candidates.find((setting) => !setting.name.endsWith(FAMILY)) ?? candidates[0];
}

export const isSecretSetting = (variable: string) => settingFor(variable)?.secret === true;

/** Names and families (`TEMPORAL_GRPC_META_*`) of the settings, for spotting misspelt ones. */
export const SETTING_NAMES: readonly string[] = SETTINGS.map((setting) => setting.name);
