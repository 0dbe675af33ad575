import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ServerBinaryError } from '../cli/errors';
import { progress } from '../cli/progress';

/** Pinned release; its go.mod has no replace directive, so `go install` accepts it. */
export const TEMPORAL_SERVER_VERSION = 'v1.32.1';
export const TEMPORAL_SERVER_MODULE = 'go.temporal.io/server/cmd/server';

export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'temporal-sample-workers');
}

export function cachedServerPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheRoot(env), `server-${TEMPORAL_SERVER_VERSION}`, 'server');
}

function assertExecutable(path: string, variable: string): void {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new ServerBinaryError(
      `${variable} is "${path}", which is not an executable file.`,
      `point ${variable} at a Temporal server binary, or unset it to have the tools build one with Go.`,
    );
  }
}

/** The server binary if it is already there (TEMPORAL_SERVER_BIN, or the cache); undefined otherwise. */
export function findServerBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.TEMPORAL_SERVER_BIN) {
    assertExecutable(env.TEMPORAL_SERVER_BIN, 'TEMPORAL_SERVER_BIN');
    return env.TEMPORAL_SERVER_BIN;
  }
  const cached = cachedServerPath(env);
  return existsSync(cached) ? cached : undefined;
}

function goInstall(gobin: string): Promise<void> {
  const target = `${TEMPORAL_SERVER_MODULE}@${TEMPORAL_SERVER_VERSION}`;
  progress(`Building the Temporal server ${TEMPORAL_SERVER_VERSION} with go install (first time only, about 5 minutes on 2 cores)...`);
  return new Promise((resolve, reject) => {
    const child = spawn('go', ['install', '-v', target], {
      env: { ...process.env, GOBIN: gobin },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let built = 0;
    const tail: string[] = [];
    const started = Date.now();
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        tail.push(line);
        if (tail.length > 20) tail.shift();
        if (line.startsWith('go: downloading')) continue;
        built += 1;
        if (built % 100 === 0) progress(`  ${built} packages compiled (${Math.round((Date.now() - started) / 1000)} s)`);
      }
    });
    child.on('error', (error) =>
      reject(
        new ServerBinaryError(
          `Cannot run "go" to build the Temporal server: ${error.message}.`,
          'install Go 1.26 or newer, or set TEMPORAL_SERVER_BIN to an existing temporal-server binary.',
        ),
      ),
    );
    child.on('exit', (code) => {
      if (code === 0) {
        progress(`  built in ${Math.round((Date.now() - started) / 1000)} s`);
        resolve();
        return;
      }
      reject(
        new ServerBinaryError(
          `go install ${target} failed (exit ${code}):\n${tail.join('\n')}`,
          'check Go and its module proxy (go env GOPROXY), or set TEMPORAL_SERVER_BIN to an existing binary.',
        ),
      );
    });
  });
}

/** Finds the server binary, building and caching it with `go install` the first time. */
export async function ensureServerBinary(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const found = findServerBinary(env);
  if (found) return found;
  const path = cachedServerPath(env);
  const gobin = join(path, '..');
  mkdirSync(gobin, { recursive: true });
  await goInstall(gobin);
  return path;
}
