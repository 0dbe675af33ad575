import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { appCertsEnv } from '../certs/app-certs-env';
import { recordPid } from './pid-ledger';
import { appDir, WORKSPACE_ROOT } from './workspace-root';

export { appDir, WORKSPACE_ROOT };

export interface AppRun {
  child: ChildProcess;
  /** Everything the process printed so far, stdout and stderr interleaved. */
  output(): string;
  exited: Promise<number | null>;
  /** Resolves when a printed line matches; rejects if the process exits first or time runs out. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Sends the signal (SIGINT unless given), then SIGKILL if the process has not exited within graceMs. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | null>;
}

export interface StartAppOptions {
  /** Overrides on top of the current environment, as a user would export them. */
  env?: Record<string, string>;
  args?: string[];
  /** Called with each line printed, e.g. to echo it with a prefix. */
  onLine?: (line: string) => void;
  /** Where the process runs; the workspace root unless given. */
  cwd?: string;
  /**
   * The app folder whose `.env` the program reads (startApp's app; a tool's `--env-dir` is found in
   * its arguments): that app's certificate paths follow SAMPLES_CERTS_DIR (certs/app-certs-env.ts).
   */
  envDir?: string;
}

/** Runs an app's built entry point (`worker`, `client` or `starter`) as a user would, with node. */
export function startApp(app: string, entry: 'worker' | 'client' | 'starter', options: StartAppOptions = {}): AppRun {
  return startScript(join(appDir(app), 'dist', `${entry}.js`), { envDir: appDir(app), ...options });
}

/** Runs a built script with node from the workspace root and watches what it prints. */
export function startScript(script: string, options: StartAppOptions = {}): AppRun {
  return startCommand(process.execPath, [script, ...(options.args ?? [])], { ...options, args: [] });
}

const STOP_GRACE_MS = 20_000;

/** Programs started here that are still running; a test run that ends early stops them too (SIGTERM, so servers clean up). */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGTERM')));

/** The folder a tool's `--env-dir <folder>` names. */
function envDirArgument(args: string[]): string | undefined {
  const at = args.indexOf('--env-dir');
  return at >= 0 ? args[at + 1] : undefined;
}

/** Runs any program from the workspace root (e.g. the Temporal CLI) and watches what it prints. */
export function startCommand(command: string, args: string[], options: StartAppOptions = {}): AppRun {
  const name = [command, ...args].join(' ').split('/').slice(-2).join('/').slice(0, 60);
  const cwd = options.cwd ?? WORKSPACE_ROOT;
  const allArgs = [...args, ...(options.args ?? [])];
  const envDir = options.envDir ?? envDirArgument(allArgs);
  const child = spawn(command, allArgs, {
    cwd,
    env: { ...(envDir ? appCertsEnv(resolve(cwd, envDir)) : {}), ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  recordPid(child.pid, name);
  child.once('close', () => running.delete(child));
  let text = '';
  let pending = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    const data = chunk.toString('utf8');
    text += data;
    pending += data;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    lines.forEach((line) => options.onLine?.(line));
    listeners.forEach((listener) => listener());
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  let done = false;
  void exited.then(() => {
    done = true;
    listeners.forEach((listener) => listener());
  });

  const waitFor = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => finish(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${text}`)),
        timeoutMs,
      );
      const finish = (error?: Error, line?: string) => {
        clearTimeout(timer);
        listeners.delete(check);
        if (error) reject(error);
        else resolve(line as string);
      };
      const check = () => {
        const line = text.split('\n').find((candidate) => pattern.test(candidate));
        if (line !== undefined) finish(undefined, line);
        else if (done) finish(new Error(`${name} exited before printing ${pattern}:\n${text}`));
      };
      listeners.add(check);
      check();
    });

  const stop = async (signal: NodeJS.Signals = 'SIGINT', graceMs = STOP_GRACE_MS) => {
    if (done) return exited;
    child.kill(signal);
    const escalation = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const code = await exited;
    clearTimeout(escalation);
    return code;
  };

  return { child, output: () => text, exited, waitFor, stop };
}
