import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SetupError } from '@temporal-samples/connection';
import { progress } from '../cli/progress';
import { cacheRoot } from '../cluster/server-binary';

/**
 * Pinned release of the Temporal CLI (`temporal`). v1.5.1 is the newest release whose go.mod has no
 * `replace` directive (v1.6.0 and later add `replace .../cliext => ./cliext`, which `go install pkg@version`
 * refuses); its `go` line is 1.25.0. It bundles Server 1.29.1 and Web UI 2.42.1 for `temporal server start-dev`.
 * Built with `go install`, the binary reports its version as "0.0.0-DEV" (no release ldflags).
 */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';

export class CliBinaryError extends SetupError {
  readonly kind = 'cli-binary';
}

export function cachedCliPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheRoot(env), `cli-${TEMPORAL_CLI_VERSION}`, 'temporal');
}

function assertExecutable(path: string, variable: string): void {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new CliBinaryError(
      `${variable} is "${path}", which is not an executable file.`,
      `point ${variable} at a Temporal CLI binary (temporal), or unset it to have the tools build one with Go.`,
    );
  }
}

/** The Temporal CLI binary if it is already there (TEMPORAL_CLI_BIN, or the cache); undefined otherwise. */
export function findCliBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.TEMPORAL_CLI_BIN) {
    assertExecutable(env.TEMPORAL_CLI_BIN, 'TEMPORAL_CLI_BIN');
    return env.TEMPORAL_CLI_BIN;
  }
  const cached = cachedCliPath(env);
  return existsSync(cached) ? cached : undefined;
}

function goInstall(gobin: string, env: NodeJS.ProcessEnv): Promise<void> {
  const target = `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`;
  progress(
    `Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with go install (first time only, about 3 to 6 minutes on 2 cores)...`,
  );
  return new Promise((resolve, reject) => {
    const child = spawn('go', ['install', '-v', target], {
      env: { ...env, GOBIN: gobin },
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
        if (built % 100 === 0)
          progress(`  ${built} packages compiled (${Math.round((Date.now() - started) / 1000)} s)`);
      }
    });
    child.on('error', (error) =>
      reject(
        new CliBinaryError(
          `Cannot run "go" to build the Temporal CLI: ${error.message}.`,
          'install Go 1.25 or newer, or set TEMPORAL_CLI_BIN to an existing temporal CLI binary.',
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
        new CliBinaryError(
          `go install ${target} failed (exit ${code}):\n${tail.join('\n')}`,
          'check Go and its module proxy (go env GOPROXY), or set TEMPORAL_CLI_BIN to an existing binary.',
        ),
      );
    });
  });
}

/** Finds the Temporal CLI binary, building and caching it with `go install` the first time. */
export async function ensureCliBinary(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const found = findCliBinary(env);
  if (found) return found;
  const path = cachedCliPath(env);
  const gobin = join(path, '..');
  mkdirSync(gobin, { recursive: true });
  await goInstall(gobin, env);
  return path;
}
