import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import NodeEnvironment from 'jest-environment-node';
import { CERTS_DIR_VARIABLE } from '@temporal-samples/tools/certs/layout';
import { RUN_DIR_VARIABLE } from './run-environment';

/** The docblock pragma of a spec that must not run beside another spec naming the same lane, e.g. `@e2e-exclusive cpu-load`. */
export const EXCLUSIVE_PRAGMA = 'e2e-exclusive';
const POLL_MS = 500;

/**
 * Gives this Jest worker a certificate folder and a HOME of its own, copied from the run's (made by
 * the global setup), so two test files in two workers never write the same files. It changes the
 * worker's own environment, before the test's sandbox copies it, so every process a test starts
 * sees the same folders.
 */
function isolateWorker(runDir: string): void {
  const worker = process.env.JEST_WORKER_ID ?? '1';
  const certs = join(runDir, `certs-worker-${worker}`);
  const home = join(runDir, `home-worker-${worker}`);
  if (process.env[CERTS_DIR_VARIABLE] === certs) return;
  cpSync(process.env[CERTS_DIR_VARIABLE] ?? join(runDir, 'certs'), certs, { recursive: true });
  mkdirSync(join(home, '.config'), { recursive: true });
  Object.assign(process.env, { [CERTS_DIR_VARIABLE]: certs, HOME: home, XDG_CONFIG_HOME: join(home, '.config') });
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Takes the lane's lock (a folder holding the owner's pid), waiting while a live worker holds it. */
async function acquireLane(lock: string): Promise<number> {
  const started = Date.now();
  mkdirSync(join(lock, '..'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return Date.now() - started;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = existsSync(join(lock, 'pid')) ? Number(readFileSync(join(lock, 'pid'), 'utf8')) : 0;
    if (owner > 0 && !isRunning(owner)) rmSync(lock, { recursive: true, force: true });
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}

/**
 * The e2e run's test environment: Node's, with a worker of its own (see isolateWorker), and test
 * files that name an exclusive lane in their docblock run one at a time in that lane, whichever
 * worker runs them (e2e/test-sequencer.js orders them so the other worker has work meanwhile).
 */
export default class WorkerEnvironment extends NodeEnvironment {
  private readonly lock?: string;
  private readonly testFile: string;
  private held = false;

  constructor(...[config, context]: ConstructorParameters<typeof NodeEnvironment>) {
    const runDir = process.env[RUN_DIR_VARIABLE];
    if (runDir) isolateWorker(runDir);
    super(config, context);
    const lane = context.docblockPragmas[EXCLUSIVE_PRAGMA];
    this.testFile = context.testPath;
    if (runDir && typeof lane === 'string') this.lock = join(runDir, 'lanes', lane);
  }

  override async setup(): Promise<void> {
    await super.setup();
    if (!this.lock) return;
    const waited = await acquireLane(this.lock);
    this.held = true;
    if (waited > 1_000)
      process.stderr.write(`e2e: ${this.testFile} waited ${Math.round(waited / 1000)} s for lane ${this.lock}\n`);
  }

  override async teardown(): Promise<void> {
    if (this.lock && this.held) rmSync(this.lock, { recursive: true, force: true });
    await super.teardown();
  }
}
