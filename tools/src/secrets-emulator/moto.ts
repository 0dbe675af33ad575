import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ServerStartError } from '../cli/errors';
import { progress } from '../cli/progress';
import { cacheRoot } from '../cluster/go-binary';
import { freePort } from '../cluster/ports';
import { SystemPackageError } from '../prepare/system-package';

/** moto's server mode: a real AWS API (Secrets Manager, IAM) on loopback, from PyPI in a virtual environment. */
export const MOTO = { requirement: 'moto[server]', version: '5.2.5' };

export const motoVenv = (env: NodeJS.ProcessEnv = process.env) => join(cacheRoot(env), `moto-${MOTO.version}`);
export const motoServerBin = (env: NodeJS.ProcessEnv = process.env) => join(motoVenv(env), 'bin', 'moto_server');

function run(command: string, args: string[], what: string): void {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status === 0) return;
  const reason = result.error?.message ?? (result.stderr ?? '').trim().split('\n').slice(-3).join(' ');
  throw new SystemPackageError(
    `${what} failed: ${reason}`,
    `install Debian's python3-venv (apt-get install python3-venv), check that PyPI is reachable, then run npx nx run tools:prepare again.`,
  );
}

/** moto_server in its cached virtual environment, installed with pip the first time. */
export function ensureMoto(env: NodeJS.ProcessEnv = process.env): string {
  const bin = motoServerBin(env);
  if (existsSync(bin)) return bin;
  const venv = motoVenv(env);
  progress(
    `Installing ${MOTO.requirement}==${MOTO.version} from PyPI into ${venv} (first time only, about a minute)...`,
  );
  run('python3', ['-m', 'venv', venv], `python3 -m venv ${venv}`);
  run(join(venv, 'bin', 'pip'), ['install', '--quiet', `${MOTO.requirement}==${MOTO.version}`], 'pip install moto');
  return bin;
}

/** moto_server, or an error that says how to get it; tests never install while they run. */
export function requireMoto(env: NodeJS.ProcessEnv = process.env): string {
  const bin = motoServerBin(env);
  if (existsSync(bin)) return bin;
  throw new ServerStartError(
    `moto_server is not installed at ${bin}.`,
    'run the test preparation first: npx nx run tools:prepare (npm test runs it).',
  );
}

export interface MotoServer {
  /** e.g. `http://127.0.0.1:41234`, for AWS_ENDPOINT_URL_SECRETS_MANAGER. */
  endpoint: string;
  stop(): Promise<void>;
}

export interface MotoOptions {
  /** IAM is enforced after this many calls (moto's INITIAL_NO_AUTH_ACTION_COUNT); unset, never. */
  initialNoAuthActionCount?: number;
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    return (await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(1_000) })).ok;
  } catch {
    return false;
  }
}

function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Starts moto_server on a free loopback port and waits until it answers (within 20 s). */
export async function startMoto(options: MotoOptions = {}): Promise<MotoServer> {
  const bin = requireMoto();
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const count = options.initialNoAuthActionCount;
  const child = spawn(bin, ['-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, ...(count === undefined ? {} : { INITIAL_NO_AUTH_ACTION_COUNT: String(count) }) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const output: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    await stopped(child);
  };
  const deadline = Date.now() + 20_000;
  while (!(await answers(endpoint))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new ServerStartError(
        `moto_server did not start on ${endpoint}: ${output.join('').trim().split('\n').slice(-3).join(' ') || 'no output'}`,
        `run ${bin} -H 127.0.0.1 -p ${port} by hand to see why; reinstall it by removing ${motoVenv()} and running npx nx run tools:prepare.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { endpoint, stop };
}
