import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CERTS_DIR } from '@temporal-samples/tools/certs/layout';

/** Each entry of the workspace's certs/ (relative path) and what it was: a folder, or a file's size, mtime and SHA-256. */
type Fingerprint = Record<string, string>;

function fingerprint(dir: string): Fingerprint {
  if (!existsSync(dir)) return {};
  const found: Fingerprint = { '.': 'folder' };
  for (const entry of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, entry);
    const stat = statSync(path);
    found[entry] = stat.isDirectory()
      ? 'folder'
      : `${stat.size} bytes, modified ${stat.mtime.toISOString()}, sha256 ${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
  }
  return found;
}

/** Notes what the workspace's certs/ holds before the tests run, in `record`. */
export function recordWorkspaceCerts(record: string): void {
  writeFileSync(record, JSON.stringify(fingerprint(DEFAULT_CERTS_DIR)));
}

/** What the tests created, changed or removed in the workspace's certs/ since `recordWorkspaceCerts`; empty when nothing. */
export function workspaceCertsChanges(record: string): string[] {
  const before = JSON.parse(readFileSync(record, 'utf8')) as Fingerprint;
  const after = fingerprint(DEFAULT_CERTS_DIR);
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.flatMap((name) => {
    if (before[name] === after[name]) return [];
    if (before[name] === undefined) return [`created ${name}`];
    if (after[name] === undefined) return [`removed ${name}`];
    return [`changed ${name} (was ${before[name]}; now ${after[name]})`];
  });
}
