import { resolve } from 'node:path';
import { loadClientConfigProfile, type ClientConfigTLS, type ConfigDataSource } from '@temporalio/envconfig';
import { applyLegacyAliases } from './aliases';
import { readTomlProfile, withConfigFile, type TomlProfile } from './config-file';
import { mergeLayers, PROCESS_ENV_SOURCE, readEnvLayers, type MergedEnv } from './env-layers';
import { IncompleteCertPairError, MissingSettingError, type SettingOrigin } from './errors';
import { loadPemSetting, type PemKind, type PemSetting } from './pem-setting';
import type { Profile, ProfileEntry, TlsMaterial } from './profile';
import { validateAddress } from './validate-address';

export interface LoadProfileOptions {
  /** Folder holding the app's `.env` and `.env.local`. */
  envDir?: string;
  /** Defaults to `process.env`; it is read, never written. */
  env?: NodeJS.ProcessEnv;
  /** Workers and starters need `TEMPORAL_TASK_QUEUE`; tools that only talk to the server do not. */
  requireTaskQueue?: boolean;
  /** Read the Temporal TOML config file too (default true); tools talking to their own server turn it off. */
  useConfigFile?: boolean;
  /** Called with each notice (e.g. an older variable name); defaults to a line on stderr. */
  onNotice?: (notice: string) => void;
}

const printNotice = (notice: string) => console.warn(`notice: ${notice}`);

interface PemField {
  envPrefix: string;
  tomlPrefix: string;
  kind: PemKind;
}

const CLIENT_CERT: PemField = { envPrefix: 'TEMPORAL_TLS_CLIENT_CERT', tomlPrefix: 'tls.client_cert', kind: 'CERTIFICATE' };
const CLIENT_KEY: PemField = { envPrefix: 'TEMPORAL_TLS_CLIENT_KEY', tomlPrefix: 'tls.client_key', kind: 'PRIVATE KEY' };
const SERVER_CA: PemField = { envPrefix: 'TEMPORAL_TLS_SERVER_CA_CERT', tomlPrefix: 'tls.server_ca_cert', kind: 'CERTIFICATE' };

class ProfileResolver {
  readonly entries: ProfileEntry[] = [];

  constructor(
    private readonly merged: MergedEnv,
    private readonly toml: TomlProfile,
    private readonly envDir: string | undefined,
  ) {}

  originOf(envName: string, tomlKey: string): SettingOrigin {
    const source = this.merged.sourceOf[envName];
    return source ? { variable: envName, source } : { variable: tomlKey, source: this.toml.label };
  }

  record(origin: SettingOrigin, value: string, secret = false): void {
    this.entries.push({ variable: origin.variable, source: origin.source, value, secret });
  }

  searched(): string[] {
    return [...new Set([...Object.values(this.merged.sourceOf), PROCESS_ENV_SOURCE]), this.toml.label];
  }

  required(envName: string, tomlKey: string, value: string | undefined, example: string): string {
    if (value === undefined || value === '') throw new MissingSettingError(envName, this.searched(), example);
    this.record(this.originOf(envName, tomlKey), value);
    return value;
  }

  /** Relative paths in an app's env files are read from the app's folder, others from the working directory. */
  baseDirFor(origin: SettingOrigin): string {
    const fromEnvFile = origin.source !== PROCESS_ENV_SOURCE && origin.source !== this.toml.label;
    return fromEnvFile && this.envDir ? this.envDir : process.cwd();
  }

  tlsOrigin(tls: ClientConfigTLS | undefined, apiKey: string | undefined): SettingOrigin {
    if (this.merged.sourceOf.TEMPORAL_TLS) return this.originOf('TEMPORAL_TLS', 'tls.disabled');
    if (this.toml.values.tls?.disabled !== undefined) return { variable: 'tls.disabled', source: this.toml.label };
    const implied = tls ? 'implied by the TLS settings' : apiKey ? 'implied by TEMPORAL_API_KEY' : 'default';
    return { variable: 'TEMPORAL_TLS', source: implied };
  }

  pem(field: PemField, source: ConfigDataSource | undefined): PemSetting | undefined {
    if (!source) return undefined;
    const form = 'path' in source ? 'PATH' : 'DATA';
    const origin = this.originOf(`${field.envPrefix}_${form}`, `${field.tomlPrefix}_${form.toLowerCase()}`);
    const setting = loadPemSetting(source, origin, field.kind, this.baseDirFor(origin));
    this.record(origin, setting.display, form === 'DATA' && field.kind === 'PRIVATE KEY');
    return setting;
  }

  tls(tls: ClientConfigTLS | undefined, apiKey: string | undefined): TlsMaterial | undefined {
    const enabled = tls ? tls.disabled !== true : apiKey !== undefined;
    this.record(this.tlsOrigin(tls, apiKey), enabled ? 'on' : 'off');
    if (!enabled || !tls) return enabled ? {} : undefined;

    const clientCert = this.pem(CLIENT_CERT, tls.clientCert);
    const clientKey = this.pem(CLIENT_KEY, tls.clientKey);
    if (clientCert && !clientKey) throw new IncompleteCertPairError(clientCert.origin, `${CLIENT_KEY.envPrefix}_PATH`);
    if (clientKey && !clientCert) throw new IncompleteCertPairError(clientKey.origin, `${CLIENT_CERT.envPrefix}_PATH`);
    const serverCa = this.pem(SERVER_CA, tls.serverCACert);
    if (tls.serverName) this.record(this.originOf('TEMPORAL_TLS_SERVER_NAME', 'tls.server_name'), tls.serverName);
    return {
      serverName: tls.serverName,
      serverCaCert: serverCa?.pem,
      clientCert: clientCert?.pem,
      clientKey: clientKey?.pem,
    };
  }
}

/**
 * Resolves an app's connection profile. Precedence, highest first: the process environment, the
 * app's `.env.local`, its `.env`, the Temporal TOML profile. Throws a SetupError subtype on the
 * first invalid value.
 */
export function loadProfile(options: LoadProfileOptions = {}): Profile {
  const envDir = options.envDir === undefined ? undefined : resolve(options.envDir);
  const { layers, notices } = applyLegacyAliases(readEnvLayers(envDir, options.env ?? process.env));
  const merged = mergeLayers(layers);
  const disableFile = options.useConfigFile === false;
  const toml = readTomlProfile(merged.vars, disableFile);
  const values = withConfigFile(merged.vars, () =>
    loadClientConfigProfile({ overrideEnvVars: merged.vars, disableFile }),
  );
  const resolver = new ProfileResolver(merged, toml, envDir);

  const address = resolver.required('TEMPORAL_ADDRESS', 'address', values.address, 'localhost:7233');
  validateAddress(address, resolver.originOf('TEMPORAL_ADDRESS', 'address'));
  const namespace = resolver.required('TEMPORAL_NAMESPACE', 'namespace', values.namespace, 'default');
  const taskQueueValue = merged.vars.TEMPORAL_TASK_QUEUE;
  const taskQueue = options.requireTaskQueue
    ? resolver.required('TEMPORAL_TASK_QUEUE', 'TEMPORAL_TASK_QUEUE', taskQueueValue, 'my-task-queue')
    : taskQueueValue;
  if (taskQueue && !options.requireTaskQueue) resolver.record(resolver.originOf('TEMPORAL_TASK_QUEUE', ''), taskQueue);
  if (values.apiKey) resolver.record(resolver.originOf('TEMPORAL_API_KEY', 'api_key'), values.apiKey, true);
  const tls = resolver.tls(values.tls, values.apiKey);
  const grpcMeta = values.grpcMeta ?? {};
  for (const [header, value] of Object.entries(grpcMeta)) {
    const envName = `TEMPORAL_GRPC_META_${header.toUpperCase().replace(/-/g, '_')}`;
    resolver.record(resolver.originOf(envName, `grpc_meta.${header}`), value, header === 'authorization');
  }

  notices.forEach((notice) => (options.onNotice ?? printNotice)(notice));
  return { address, namespace, taskQueue, apiKey: values.apiKey, tls, grpcMeta, entries: resolver.entries, notices };
}
