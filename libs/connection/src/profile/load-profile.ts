import { dirname, resolve } from 'node:path';
import { loadClientConfigProfile, type ClientConfigTLS, type ConfigDataSource } from '@temporalio/envconfig';
import { applyLegacyAliases } from './aliases';
import { resolveApiKeyFile } from './api-key-file';
import { checkClientCertificate } from './client-cert-checks';
import { describeKeyring, resolveCodecSettings } from './codec-settings';
import { checkCloudNamespace, checkEnvFilePresent, checkNotWebUi } from './cloud-checks';
import { readTomlProfile, withConfigFile, type TomlProfile } from './config-file';
import { envPemSource, withoutEnvPemSettings } from './env-pem-sources';
import { mergeLayers, readEnvLayers, type MergedEnv } from './env-layers';
import { type SettingOrigin } from '../errors/error-with-fix';
import {
  IncompleteCertPairError,
  MissingSettingError,
  PlaceholderValueError,
  UnsupportedSettingError,
} from '../errors/profile-errors';
import { resolveGrpcMeta } from './grpc-meta';
import { loadPemSetting, pemFromSecret, type PemSetting } from './pem-setting';
import { SecretsNotReadError, SecretValueError } from '../errors/secret-errors';
import type { ProfileSecrets, ReadSecret } from '../secrets/read-secrets';
import { API_KEY_SECRET, CODEC_KEYS_SECRET, namedSecrets } from '../secrets/secret-settings';
import type { Profile, ProfileEntry, TlsMaterial } from './profile';
import { isSecretSetting, PEM_SETTINGS, SECRET_SUFFIX, type PemSettingPair } from './settings';
import { validateAddress } from './validate-address';
import { withPortIfNone } from './address';
import { resolveOtlpSettings } from './otlp-settings';
import { trimStrayWhitespace } from './stray-whitespace';

const TLS_SWITCH_VALUES = ['true', 'false', '1', '0'];

export interface LoadProfileOptions {
  /** Folder holding the app's `.env` and `.env.local`. */
  envDir?: string;
  /** One profile file to read instead of an app folder's `.env` files; relative paths are read from its folder. */
  envFile?: string;
  /** Defaults to `process.env`; it is read, never written. */
  env?: NodeJS.ProcessEnv;
  /** Workers and starters need `TEMPORAL_TASK_QUEUE`; tools that only talk to the server do not. */
  requireTaskQueue?: boolean;
  /** Read the Temporal TOML config file too (default true); tools talking to their own server turn it off. */
  useConfigFile?: boolean;
  /** Called with each notice (e.g. an older variable name); defaults to a line on stderr. */
  onNotice?: (notice: string) => void;
  /** The secrets the profile names, as resolveProfile read them; without them a `*_SECRET` setting is refused. */
  secrets?: ProfileSecrets;
}

const printNotice = (notice: string) => console.warn(`notice: ${notice}`);

const [CLIENT_CERT, CLIENT_KEY, SERVER_CA] = PEM_SETTINGS;

class ProfileResolver {
  readonly entries: ProfileEntry[] = [];

  constructor(
    private readonly merged: MergedEnv,
    private readonly toml: TomlProfile,
    private readonly envDir: string | undefined,
    private readonly secrets: Record<string, ReadSecret>,
  ) {}

  originOf(envName: string, tomlKey: string): SettingOrigin {
    const source = this.merged.sourceOf[envName];
    return source ? { variable: envName, source } : { variable: tomlKey, source: this.toml.label };
  }

  /** A value as resolved; the catalogue says whether it is a secret, never to be printed. */
  record(origin: SettingOrigin, value: string): void {
    this.entries.push({
      variable: origin.variable,
      source: origin.source,
      value,
      secret: isSecretSetting(origin.variable),
    });
  }

  /** A description of a value (e.g. which keys a keyring holds), safe to print even when the value is a secret. */
  describe(origin: SettingOrigin, description: string): void {
    this.entries.push({ variable: origin.variable, source: origin.source, value: description, secret: false });
  }

  required(envName: string, tomlKey: string, value: string | undefined, example: string): string {
    if (value === undefined || value === '') {
      throw new MissingSettingError(envName, [...this.merged.sources, this.toml.label], example);
    }
    this.record(this.originOf(envName, tomlKey), value);
    return value;
  }

  /** Relative paths in an app's env files are read from the app's folder, others from the working directory. */
  private baseDirFor(variable: string): string {
    const fromEnvFile = (this.merged.rankOf[variable] ?? 0) > 0;
    return fromEnvFile && this.envDir ? this.envDir : process.cwd();
  }

  private pemSource(field: PemSettingPair): { origin: SettingOrigin; source: ConfigDataSource } | undefined {
    const fromEnv = envPemSource(this.merged, field.prefix);
    if (fromEnv) return { origin: this.originOf(fromEnv.variable, ''), source: fromEnv.source };
    const fromToml = this.toml.values.tls?.[field.envconfigKey];
    if (!fromToml) return undefined;
    const form = 'path' in fromToml ? 'path' : 'data';
    return { origin: { variable: `${field.toml}_${form}`, source: this.toml.label }, source: fromToml };
  }

  pem(field: PemSettingPair): PemSetting | undefined {
    const secret = this.secrets[`${field.prefix}${SECRET_SUFFIX}`];
    if (secret) {
      const setting = pemFromSecret(secret, field.kind);
      this.record(secret.origin, setting.display);
      return setting;
    }
    const found = this.pemSource(field);
    if (!found) return undefined;
    const setting = loadPemSetting(found.source, found.origin, field.kind, this.baseDirFor(found.origin.variable));
    this.record(found.origin, setting.display);
    return setting;
  }

  private tlsOrigin(configured: boolean, apiKey: string | undefined): SettingOrigin {
    if (this.merged.sourceOf.TEMPORAL_TLS) return this.originOf('TEMPORAL_TLS', '');
    if (this.toml.values.tls?.disabled !== undefined) return { variable: 'tls.disabled', source: this.toml.label };
    const implied = configured ? 'implied by the TLS settings' : apiKey ? 'implied by TEMPORAL_API_KEY' : 'default';
    return { variable: 'TEMPORAL_TLS', source: implied };
  }

  private rejectHostVerificationSwitch(): void {
    if (!/^(1|true)$/i.test(this.merged.vars.TEMPORAL_TLS_DISABLE_HOST_VERIFICATION ?? '')) return;
    throw new UnsupportedSettingError(
      this.originOf('TEMPORAL_TLS_DISABLE_HOST_VERIFICATION', ''),
      'asks to skip the server certificate host check, which the TypeScript SDK does not offer (and which would allow spoofing).',
      'remove it; if the certificate does not carry the host you dial, set TEMPORAL_TLS_SERVER_NAME to a name it does carry.',
    );
  }

  /** envconfig reads only `1` and `true` as on, so `True` or `yes` would turn TLS off without a word. */
  private rejectUnreadableTlsSwitch(): void {
    const value = this.merged.vars.TEMPORAL_TLS;
    if (value === undefined || TLS_SWITCH_VALUES.includes(value)) return;
    throw new UnsupportedSettingError(
      this.originOf('TEMPORAL_TLS', ''),
      `is "${value}", which Temporal's configuration reads as off: only true or 1 turn TLS on, false or 0 off.`,
      'set TEMPORAL_TLS=true or TEMPORAL_TLS=false.',
    );
  }

  tls(tls: ClientConfigTLS | undefined, apiKey: string | undefined): TlsMaterial | undefined {
    this.rejectHostVerificationSwitch();
    this.rejectUnreadableTlsSwitch();
    const envPem = PEM_SETTINGS.some(
      (field) => envPemSource(this.merged, field.prefix) || this.secrets[`${field.prefix}${SECRET_SUFFIX}`],
    );
    const configured = tls !== undefined || envPem;
    const enabled = tls?.disabled === true ? false : configured || apiKey !== undefined;
    this.record(this.tlsOrigin(configured, apiKey), enabled ? 'on' : 'off');
    if (!enabled) return undefined;

    const clientCert = this.pem(CLIENT_CERT);
    const clientKey = this.pem(CLIENT_KEY);
    if (clientCert && !clientKey) throw new IncompleteCertPairError(clientCert.origin, `${CLIENT_KEY.prefix}_PATH`);
    if (clientKey && !clientCert) throw new IncompleteCertPairError(clientKey.origin, `${CLIENT_CERT.prefix}_PATH`);
    if (clientCert && clientKey) checkClientCertificate(clientCert, clientKey);
    const serverCa = this.pem(SERVER_CA);
    if (tls?.serverName) this.record(this.originOf('TEMPORAL_TLS_SERVER_NAME', 'tls.server_name'), tls.serverName);
    return {
      serverName: tls?.serverName,
      serverCaCert: serverCa?.pem,
      clientCert: clientCert?.pem,
      clientKey: clientKey?.pem,
      files: [clientCert, clientKey, serverCa].flatMap((setting) => (setting?.file ? [setting.file] : [])),
    };
  }

  grpcMeta(fromToml: Record<string, string> | undefined): Record<string, string> {
    const headers = resolveGrpcMeta(this.merged, fromToml);
    for (const { value, variable, fromEnv } of Object.values(headers)) {
      const origin = fromEnv ? this.originOf(variable, '') : { variable, source: this.toml.label };
      this.record(origin, value);
    }
    return Object.fromEntries(Object.entries(headers).map(([header, { value }]) => [header, value]));
  }
}

const PLACEHOLDER = /<[^<>]+>/;

function rejectPlaceholders(merged: MergedEnv): void {
  const name = Object.keys(merged.vars).find(
    (key) => key.startsWith('TEMPORAL_') && PLACEHOLDER.test(merged.vars[key]),
  );
  if (name) throw new PlaceholderValueError({ variable: name, source: merged.sourceOf[name] });
}

export const API_KEY_AND_CERTIFICATE_NOTICE =
  'TEMPORAL_API_KEY and a client certificate are both set: both are sent, the certificate in the TLS handshake and the API key with every call, ' +
  'and the API key is what authorizes the call (on Temporal Cloud, and on a server with a JWT authorizer). Remove one unless your server wants both.';

function noticeApiKeyWithCertificate(tls: TlsMaterial | undefined, apiKey: string | undefined, notices: string[]) {
  if (apiKey && tls?.clientCert) notices.push(API_KEY_AND_CERTIFICATE_NOTICE);
  return tls;
}

export interface ProfileEnv {
  merged: MergedEnv;
  envDir: string | undefined;
  notices: string[];
}

export function profileEnv(options: LoadProfileOptions): ProfileEnv {
  const envFile = options.envFile === undefined ? undefined : resolve(options.envFile);
  const envDir = envFile ? dirname(envFile) : options.envDir === undefined ? undefined : resolve(options.envDir);
  const given = applyLegacyAliases(readEnvLayers(envDir, options.env ?? process.env, envFile));
  const { layers, notices: trimNotices } = trimStrayWhitespace(given.layers);
  const merged = mergeLayers(layers);
  rejectPlaceholders(merged);
  return { merged, envDir, notices: [...given.notices, ...trimNotices] };
}

/** The values of the secrets the profile names, which resolveProfile must have read. */
function secretValues(merged: MergedEnv, secrets: ProfileSecrets | undefined): Record<string, ReadSecret> {
  const named = namedSecrets(merged, secrets?.store.name ?? 'a secrets manager');
  const unread = named.find(({ origin }) => !secrets?.bySetting[origin.variable]);
  if (unread) throw new SecretsNotReadError(unread.origin);
  return secrets?.bySetting ?? {};
}

function apiKeyFromSecret(secret: ReadSecret | undefined): string | undefined {
  if (!secret) return undefined;
  const apiKey = secret.value.trim();
  if (apiKey === '' || /\s/.test(apiKey)) {
    throw new SecretValueError(
      secret,
      `${apiKey === '' ? 'is empty' : 'holds more than one word'}; it should hold the API key alone.`,
      `store only the API key as the secret's value (or as a JSON field named with ${secret.origin.variable}=${secret.secretId}#<field>).`,
    );
  }
  return apiKey;
}

/**
 * Resolves an app's connection profile. Precedence, highest first: the process environment, the
 * app's `.env.local`, its `.env`, the Temporal TOML profile. Throws an ErrorWithFix subtype on the
 * first invalid value. A profile that names secrets (`*_SECRET`) is read with resolveProfile.
 */
export function loadProfile(options: LoadProfileOptions = {}): Profile {
  const { merged, envDir, notices } = profileEnv(options);
  const secrets = secretValues(merged, options.secrets);
  const disableFile = options.useConfigFile === false;
  const toml = readTomlProfile(merged.vars, disableFile);
  const values = withConfigFile(merged.vars, () =>
    loadClientConfigProfile({ overrideEnvVars: withoutEnvPemSettings(merged.vars), disableFile }),
  );
  const resolver = new ProfileResolver(merged, toml, envDir, secrets);

  if (!values.address) checkEnvFilePresent(envDir);
  const givenAddress = resolver.required('TEMPORAL_ADDRESS', 'address', values.address, 'localhost:7233');
  const address = withPortIfNone(givenAddress);
  const addressOrigin = resolver.originOf('TEMPORAL_ADDRESS', 'address');
  validateAddress(address, addressOrigin);
  checkNotWebUi(address, addressOrigin);
  const namespace = resolver.required('TEMPORAL_NAMESPACE', 'namespace', values.namespace, 'default');
  checkCloudNamespace(namespace, address, resolver.originOf('TEMPORAL_NAMESPACE', 'namespace'));
  const taskQueueValue = merged.vars.TEMPORAL_TASK_QUEUE;
  const taskQueue = options.requireTaskQueue
    ? resolver.required('TEMPORAL_TASK_QUEUE', 'TEMPORAL_TASK_QUEUE', taskQueueValue, 'my-task-queue')
    : taskQueueValue;
  if (taskQueue && !options.requireTaskQueue) resolver.record(resolver.originOf('TEMPORAL_TASK_QUEUE', ''), taskQueue);
  const keyFile = resolveApiKeyFile(merged, envDir);
  if (keyFile) resolver.record(keyFile.origin, keyFile.file);
  const keySecret = secrets[API_KEY_SECRET];
  if (keySecret) resolver.record(keySecret.origin, keySecret.display);
  const apiKey = keyFile?.apiKey ?? apiKeyFromSecret(keySecret) ?? (values.apiKey || undefined);
  if (apiKey && !keyFile && !keySecret) resolver.record(resolver.originOf('TEMPORAL_API_KEY', 'api_key'), apiKey);
  const tls = noticeApiKeyWithCertificate(resolver.tls(values.tls, apiKey), apiKey, notices);
  const grpcMeta = resolver.grpcMeta(toml.values.grpcMeta);
  const codecSecret = secrets[CODEC_KEYS_SECRET];
  const codec = resolveCodecSettings(merged, envDir, codecSecret);
  const codecFrom = codecSecret ? ` from ${codecSecret.display}` : '';
  if (codec) resolver.describe(codec.origin, `keys ${describeKeyring(codec.keyring)}${codecFrom}`);

  notices.forEach((notice) => (options.onNotice ?? printNotice)(notice));
  return {
    address,
    namespace,
    taskQueue,
    apiKey,
    apiKeyFile: keyFile?.file,
    tls,
    grpcMeta,
    codec,
    otlp: resolveOtlpSettings(merged),
    entries: resolver.entries,
    notices,
    secrets: options.secrets,
  };
}
