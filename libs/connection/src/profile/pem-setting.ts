import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { ConfigDataSource } from '@temporalio/envconfig';
import { type SettingOrigin } from '../errors/error-with-fix';
import { NotPemError, UnreadableFileError } from '../errors/profile-errors';
import { SecretNotPemError } from '../errors/secret-errors';
import type { ReadSecret } from '../secrets/read-secrets';
import { isPrivateKeyLabel, parsePemBlocks } from './pem';
import type { PemKind } from './settings';

export interface PemSetting {
  origin: SettingOrigin;
  /** What a person would recognise: the path, or a short description of inline data. */
  display: string;
  pem: string;
  /** The absolute path it was read from; undefined for inline data. */
  file?: string;
}

function matchesKind(label: string, kind: PemKind): boolean {
  return kind === 'PRIVATE KEY' ? isPrivateKeyLabel(label) : label === 'CERTIFICATE';
}

function describeFound(text: string, labels: string[]): string {
  if (text.trim() === '') return 'it is empty';
  if (labels.length === 0) return 'it holds no PEM block';
  return `it holds ${labels.map((label) => `a ${label}`).join(', ')}`;
}

interface SourceText {
  text: string;
  display: string;
  file?: string;
}

function readSource(source: ConfigDataSource, origin: SettingOrigin, baseDir: string): SourceText {
  if ('path' in source) {
    const path = isAbsolute(source.path) ? source.path : resolve(baseDir, source.path);
    try {
      return { text: readFileSync(path, 'utf8'), display: source.path, file: path };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
      throw new UnreadableFileError(origin, path, reason);
    }
  }
  const text = typeof source.data === 'string' ? source.data : Buffer.from(source.data).toString('utf8');
  return { text, display: 'inline PEM' };
}

/** The blocks of the expected kind, or what the text holds instead. */
function pickPem(text: string, kind: PemKind): { pem: string } | { found: string } {
  const blocks = parsePemBlocks(text);
  const wanted = blocks.filter((block) => matchesKind(block.label, kind));
  if (wanted.length > 0) return { pem: wanted.map((block) => block.pem).join('') };
  return {
    found: describeFound(
      text,
      blocks.map((block) => block.label),
    ),
  };
}

/** Reads a certificate or key from a path or inline data and checks it holds the expected PEM kind. */
export function loadPemSetting(
  source: ConfigDataSource,
  origin: SettingOrigin,
  kind: PemKind,
  baseDir: string,
): PemSetting {
  const { text, display, file } = readSource(source, origin, baseDir);
  const picked = pickPem(text, kind);
  if ('found' in picked) {
    throw new NotPemError(origin, kind, file ? `${picked.found.replace(/^it/, `the file ${file}`)}` : picked.found);
  }
  return { origin, display, pem: picked.pem, file };
}

/** A certificate or key read from a secrets manager, checked like a file's. */
export function pemFromSecret(secret: ReadSecret, kind: PemKind): PemSetting {
  const picked = pickPem(secret.value, kind);
  if ('found' in picked) throw new SecretNotPemError(secret, kind, picked.found);
  return { origin: secret.origin, display: secret.display, pem: picked.pem };
}
