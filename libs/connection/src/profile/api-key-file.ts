import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { MergedEnv } from './env-layers';
import type { SettingOrigin } from '../errors/error-with-fix';
import { UnreadableFileError, UnsupportedSettingError } from '../errors/profile-errors';

export const API_KEY_FILE = 'TEMPORAL_API_KEY_FILE';

export interface ApiKeyFromFile {
  apiKey: string;
  file: string;
  origin: SettingOrigin;
}

function readKey(path: string, origin: SettingOrigin): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(origin, path, code === 'ENOENT' ? 'no such file' : String(code ?? error));
  }
}

/**
 * `TEMPORAL_API_KEY_FILE`: a file holding the API key (a mounted Secret, a sidecar's output), read
 * at start and watched by the worker runtime. Relative paths in an app's env files are read from
 * the app's folder.
 */
export function resolveApiKeyFile(merged: MergedEnv, envDir: string | undefined): ApiKeyFromFile | undefined {
  const named = merged.vars[API_KEY_FILE];
  if (!named) return undefined;
  const origin = { variable: API_KEY_FILE, source: merged.sourceOf[API_KEY_FILE] };
  if (merged.vars.TEMPORAL_API_KEY) {
    throw new UnsupportedSettingError(
      origin,
      `and TEMPORAL_API_KEY (from ${merged.sourceOf.TEMPORAL_API_KEY}) are both set; only one of them can be used.`,
      'keep TEMPORAL_API_KEY_FILE (the key then rotates without a restart) and remove TEMPORAL_API_KEY.',
    );
  }
  const fromEnvFile = (merged.rankOf[API_KEY_FILE] ?? 0) > 0;
  const file = isAbsolute(named) ? named : resolve(fromEnvFile && envDir ? envDir : process.cwd(), named);
  const apiKey = readKey(file, origin);
  if (apiKey === '' || /\s/.test(apiKey)) {
    throw new UnsupportedSettingError(
      origin,
      `points at ${file}, which ${apiKey === '' ? 'is empty' : 'holds more than one word'}; it should hold the API key alone.`,
      'write only the API key into the file (a trailing newline is fine).',
    );
  }
  return { apiKey, file, origin };
}
