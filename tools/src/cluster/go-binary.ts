import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { GoBinaryError } from '../cli/errors';
import { onPath } from '../cli/on-path';
import { progress } from '../cli/progress';

/** A Temporal program built from its Go module with `go install`, once per machine. */
export interface GoBinary {
  label: string;
  module: string;
  /** Pinned release; its go.mod must have no replace directive, or `go install` refuses it. */
  version: string;
  /** Points at an existing binary instead. */
  envVar: string;
  /** Folder prefix and file name in the cache. */
  name: string;
  file: string;
  buildTime: string;
  /** A release binary on PATH used instead of building, when its version output matches. */
  onPath?: { command: string; versionArgs: string[]; version: RegExp };
}

export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'temporal-sample-workers');
}

export function cachedPath(binary: GoBinary, env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheRoot(env), `${binary.name}-${binary.version}`, binary.file);
}

/** The binary if it is already there (its variable, or the cache); undefined otherwise. */
export function findBinary(binary: GoBinary, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env[binary.envVar];
  if (given) {
    try {
      accessSync(given, constants.X_OK);
    } catch {
      throw new GoBinaryError(
        `${binary.envVar} is "${given}", which is not an executable file.`,
        `point ${binary.envVar} at a ${binary.label} binary, or unset it to have the tools build one with Go.`,
      );
    }
    return given;
  }
  const cached = cachedPath(binary, env);
  if (existsSync(cached)) return cached;
  return binary.onPath ? pinnedOnPath(binary.onPath, env) : undefined;
}

function pinnedOnPath(pinned: NonNullable<GoBinary['onPath']>, env: NodeJS.ProcessEnv): string | undefined {
  const found = onPath(pinned.command, env);
  if (!found) return undefined;
  const version = spawnSync(found, pinned.versionArgs, { encoding: 'utf8', timeout: 5_000 });
  return pinned.version.test(`${version.stdout ?? ''}${version.stderr ?? ''}`) ? found : undefined;
}

function goInstall(binary: GoBinary, gobin: string): Promise<void> {
  const target = `${binary.module}@${binary.version}`;
  progress(
    `Building the ${binary.label} ${binary.version} with go install (first time only, ${binary.buildTime} on 2 cores)...`,
  );
  return new Promise((resolve, reject) => {
    const child = spawn('go', ['install', '-v', target], {
      env: { ...process.env, GOBIN: gobin },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let compiled = 0;
    const tail: string[] = [];
    const started = Date.now();
    const seconds = () => Math.round((Date.now() - started) / 1000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        tail.push(line);
        if (tail.length > 20) tail.shift();
        if (line.startsWith('go: downloading')) continue;
        compiled += 1;
        if (compiled % 100 === 0) progress(`  ${compiled} packages compiled (${seconds()} s)`);
      }
    });
    child.on('error', (error) =>
      reject(
        new GoBinaryError(
          `Cannot run "go" to build the ${binary.label}: ${error.message}.`,
          `install Go 1.26 or newer, or set ${binary.envVar} to an existing binary.`,
        ),
      ),
    );
    child.on('exit', (code) => {
      if (code === 0) {
        progress(`  built in ${seconds()} s`);
        resolve();
        return;
      }
      reject(
        new GoBinaryError(
          `go install ${target} failed (exit ${code}):\n${tail.join('\n')}`,
          `check Go and its module proxy (go env GOPROXY), or set ${binary.envVar} to an existing binary.`,
        ),
      );
    });
  });
}

/** Finds the binary, building and caching it with `go install` the first time. */
export async function ensureBinary(binary: GoBinary, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const found = findBinary(binary, env);
  if (found) return found;
  const path = cachedPath(binary, env);
  mkdirSync(dirname(path), { recursive: true });
  await goInstall(binary, dirname(path));
  return path;
}

/** For tests: the binary must exist already (`npm test` builds it before Jest starts), so no test waits on Go. */
export function requireBinary(binary: GoBinary, env: NodeJS.ProcessEnv = process.env): string {
  const found = findBinary(binary, env);
  if (found) return found;
  throw new Error(
    `No ${binary.label} binary at ${cachedPath(binary, env)} and ${binary.envVar} is unset. ` +
      'Run the tests with `npm test` (its pretest step builds it) or run `npx nx run tools:server-binary` first.',
  );
}
