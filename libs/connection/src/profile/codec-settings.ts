import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { CodecError, createKeyring, parseKeyList, type Keyring } from '@temporal-samples/codec';
import type { MergedEnv } from './env-layers';
import type { ReadSecret } from '../secrets/read-secrets';
import { type SettingOrigin } from '../errors/error-with-fix';
import { CodecSettingError, UnreadableFileError } from '../errors/profile-errors';

export const CODEC_KEYS = 'PAYLOAD_CODEC_KEYS';
export const CODEC_KEY_FILE = 'PAYLOAD_CODEC_KEY_FILE';
export const CODEC_COMPRESS_ABOVE = 'PAYLOAD_CODEC_COMPRESS_ABOVE';

export interface CodecSettings {
  keyring: Keyring;
  compressAbove?: number;
  origin: SettingOrigin;
}

function keyText(merged: MergedEnv, origin: SettingOrigin, envDir: string | undefined): string {
  if (origin.variable === CODEC_KEYS) return merged.vars[CODEC_KEYS];
  const file = merged.vars[CODEC_KEY_FILE];
  const fromEnvFile = (merged.rankOf[CODEC_KEY_FILE] ?? 0) > 0 && envDir;
  const path = isAbsolute(file) ? file : resolve(fromEnvFile ? envDir : process.cwd(), file);
  try {
    return readFileSync(path, 'utf8').split('\n').join(',');
  } catch (error) {
    throw new UnreadableFileError(origin, path, (error as NodeJS.ErrnoException).code ?? String(error));
  }
}

/**
 * Payload encryption, on when the profile names keys: `PAYLOAD_CODEC_KEYS=<id>=<base64>,...`
 * or `PAYLOAD_CODEC_KEY_FILE` (one `<id>=<base64>` per line). The first key encrypts; all decrypt.
 */
export function resolveCodecSettings(
  merged: MergedEnv,
  envDir: string | undefined,
  secret?: ReadSecret,
): CodecSettings | undefined {
  const variable = secret
    ? secret.origin.variable
    : merged.vars[CODEC_KEYS] !== undefined
      ? CODEC_KEYS
      : merged.vars[CODEC_KEY_FILE] !== undefined
        ? CODEC_KEY_FILE
        : undefined;
  if (!variable) return undefined;
  const origin = { variable, source: merged.sourceOf[variable] };
  const errorOrigin = secret ? { variable, source: `${origin.source}; ${secret.display}` } : origin;
  let keyring: Keyring;
  try {
    const text = secret ? secret.value.split('\n').join(',') : keyText(merged, origin, envDir);
    keyring = createKeyring(parseKeyList(text));
  } catch (error) {
    if (error instanceof CodecError) throw new CodecSettingError(errorOrigin, error.problem, error.fix);
    throw error;
  }
  const compressText = merged.vars[CODEC_COMPRESS_ABOVE];
  const compressAbove = compressText === undefined ? undefined : Number(compressText);
  if (compressAbove !== undefined && !(Number.isInteger(compressAbove) && compressAbove >= 0)) {
    const compressOrigin = { variable: CODEC_COMPRESS_ABOVE, source: merged.sourceOf[CODEC_COMPRESS_ABOVE] };
    throw new CodecSettingError(
      compressOrigin,
      `"${compressText}" is not a size in bytes.`,
      `give e.g. ${CODEC_COMPRESS_ABOVE}=4096, or remove it.`,
    );
  }
  return { keyring, compressAbove, origin };
}

export function describeKeyring(keyring: Keyring): string {
  return [...keyring.byId.keys()].map((id) => (id === keyring.current.id ? `${id} (current)` : id)).join(', ');
}
