import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { omit } from './omit';

/** One entry of an npm v3 lockfile's `packages`, keyed by install location (`node_modules/x`, `libs/y`). */
export interface LockEntry {
  name?: string;
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  devDependencies?: Record<string, string>;
  [field: string]: unknown;
}

export interface Lockfile {
  name: string;
  version: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockEntry>;
}

export function readLockfile(workspaceRoot: string): Lockfile {
  return JSON.parse(readFileSync(join(workspaceRoot, 'package-lock.json'), 'utf8')) as Lockfile;
}

/** The location that `name` resolves to when required from `from`, walking up node_modules as Node does. */
export function resolveIn(lock: Lockfile, from: string, name: string): string | undefined {
  let location = from;
  for (;;) {
    const candidate = `${location ? `${location}/` : ''}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (location === '') return undefined;
    const nested = location.lastIndexOf('/node_modules/');
    location = nested >= 0 ? location.slice(0, nested) : '';
  }
}

/** The locations a production install needs, starting from the given top-level dependency names. */
export function productionClosure(lock: Lockfile, roots: Iterable<string>): Set<string> {
  const needed = new Set<string>();
  const visit = (from: string, name: string, optional: boolean) => {
    const location = resolveIn(lock, from, name);
    if (!location) {
      if (optional) return;
      throw new Error(`package-lock.json has no entry for "${name}" (needed by "${from || 'the app'}")`);
    }
    if (needed.has(location)) return;
    needed.add(location);
    const entry = lock.packages[location];
    const target = entry.link && entry.resolved ? entry.resolved : location;
    if (target !== location) needed.add(target);
    const {
      dependencies = {},
      optionalDependencies = {},
      peerDependencies = {},
      peerDependenciesMeta = {},
    } = lock.packages[target] ?? {};
    for (const dep of Object.keys(dependencies)) visit(target, dep, false);
    for (const dep of Object.keys(optionalDependencies)) visit(target, dep, true);
    for (const dep of Object.keys(peerDependencies)) if (!peerDependenciesMeta[dep]?.optional) visit(target, dep, true);
  };
  for (const name of roots) visit('', name, false);
  return needed;
}

/**
 * The entry as a production-only lockfile holds it: nothing in it is a dev dependency any more;
 * what only optional edges reach stays optional.
 */
export function productionEntry(entry: LockEntry): LockEntry {
  const rest = omit(entry, ['dev', 'devOptional', 'peer', 'devDependencies']);
  return entry.devOptional ? { ...rest, optional: true } : rest;
}
