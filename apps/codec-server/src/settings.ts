import { readFileSync } from 'node:fs';
import type { AccessTokenOptions } from '@temporal-samples/codec';
import {
  mergeLayers,
  MissingSettingError,
  readEnvLayers,
  type CodecSettings,
  type MergedEnv,
} from '@temporal-samples/connection';
import { readAccessTokenSettings } from './access-token-settings';
import { resolveNamespaceKeys } from './namespace-keys';
import { CodecServerSettingError } from './setting-error';

export { CodecServerSettingError };

export interface CodecServerSettings {
  host: string;
  port: number;
  namespaces: string[];
  allowedOrigins: string[];
  authToken?: string;
  accessTokens?: AccessTokenOptions;
  maxBodyBytes: number;
  tls?: { cert: Buffer; key: Buffer };
  /** The keys (and compression) per namespace. */
  codecs: Map<string, CodecSettings>;
}

const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

function whole(merged: MergedEnv, name: string, fallback: number): number {
  const text = merged.vars[name];
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    throw new CodecServerSettingError(
      `${name} (from ${merged.sourceOf[name]}) is "${text}", not a whole number.`,
      `set e.g. ${name}=${fallback}`,
    );
  }
  return value;
}

function readTls(merged: MergedEnv): CodecServerSettings['tls'] {
  const certPath = merged.vars.CODEC_SERVER_TLS_CERT_PATH;
  const keyPath = merged.vars.CODEC_SERVER_TLS_KEY_PATH;
  if (!certPath && !keyPath) return undefined;
  if (!certPath || !keyPath) {
    throw new CodecServerSettingError(
      'Only one of CODEC_SERVER_TLS_CERT_PATH and CODEC_SERVER_TLS_KEY_PATH is set.',
      'set both, or neither for plain HTTP.',
    );
  }
  try {
    return { cert: readFileSync(certPath), key: readFileSync(keyPath) };
  } catch (error) {
    throw new CodecServerSettingError(
      `Cannot read the TLS certificate or key: ${(error as Error).message}.`,
      'check both paths.',
    );
  }
}

/** The codec server's settings from the environment, then its .env.local, then its .env. */
export function loadCodecServerSettings(appDir: string, env: NodeJS.ProcessEnv = process.env): CodecServerSettings {
  const merged = mergeLayers(readEnvLayers(appDir, env));
  const namespaces = list(merged.vars.CODEC_SERVER_NAMESPACES);
  if (namespaces.length === 0) throw new MissingSettingError('CODEC_SERVER_NAMESPACES', merged.sources, 'samples');
  return {
    host: merged.vars.CODEC_SERVER_HOST ?? '127.0.0.1',
    port: whole(merged, 'CODEC_SERVER_PORT', 8888),
    namespaces,
    allowedOrigins: list(merged.vars.CODEC_SERVER_ALLOWED_ORIGINS),
    authToken: merged.vars.CODEC_SERVER_AUTH_TOKEN,
    accessTokens: readAccessTokenSettings(merged),
    maxBodyBytes: whole(merged, 'CODEC_SERVER_MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES),
    tls: readTls(merged),
    codecs: resolveNamespaceKeys(merged, namespaces, appDir),
  };
}
