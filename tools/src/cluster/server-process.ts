import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { recordPid } from '../apps/pid-ledger';
import { ServerStartError } from '../cli/errors';

export interface ServerProcess {
  child: ChildProcess;
  logFile: string;
  exited: Promise<number | null>;
}

export function logTail(logFile: string, lines = 15): string {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log written)';
  }
}

/** Variables the server binary reads itself; a stray one makes it ignore --config-file. */
const SERVER_OWN_VARIABLES = [
  'TEMPORAL_ROOT',
  'TEMPORAL_CONFIG_DIR',
  'TEMPORAL_ENVIRONMENT',
  'TEMPORAL_AVAILABILITY_ZONE',
];

export function serverEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  SERVER_OWN_VARIABLES.forEach((name) => delete env[name]);
  return env;
}

const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** Starts the server binary with a config file; its output goes to logFile, never to the terminal. */
export function spawnServer(binary: string, configFile: string, logFile: string, services: string[]): ServerProcess {
  const serviceArgs = services.flatMap((service) => ['--service', service]);
  return spawnLogged(binary, ['--config-file', configFile, '--allow-no-auth', 'start', ...serviceArgs], logFile);
}

/** Starts a Temporal binary (server or UI server) with its output in logFile; it is killed if this process exits. */
export function spawnLogged(binary: string, args: string[], logFile: string): ServerProcess {
  const log = openSync(logFile, 'w');
  const child = spawn(binary, args, { env: serverEnvironment(), stdio: ['ignore', log, log] });
  running.add(child);
  recordPid(child.pid, binary);
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (error) =>
      reject(
        new ServerStartError(
          `Could not start ${binary}: ${error.message}.`,
          'check TEMPORAL_SERVER_BIN or TEMPORAL_UI_SERVER_BIN, or rebuild with `npx nx run tools:prepare`.',
        ),
      ),
    );
    child.on('exit', (code) => {
      running.delete(child);
      resolve(code);
    });
  });
  exited.catch(() => undefined);
  return { child, logFile, exited };
}

/** SIGTERM, then SIGKILL if the server has not exited within the grace period. */
export async function stopServer(server: ServerProcess, graceMs = 10_000): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), graceMs);
  await server.exited.catch(() => undefined);
  clearTimeout(timer);
}
