import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '@temporal-samples/tools/apps/app-process';
import { PID_LEDGER_VARIABLE, survivors } from '@temporal-samples/tools/apps/pid-ledger';
import { generateCertificates } from '@temporal-samples/tools/certs/generate';
import { CERTS_DIR_VARIABLE, certsDir, DEFAULT_CERTS_DIR } from '@temporal-samples/tools/certs/layout';
import { prepareCloudLike } from '@temporal-samples/tools/cluster/cloud-like';
import { WEB_UI_CLIENT } from '@temporal-samples/tools/cluster/tls-config';
import { recordWorkspaceCerts, workspaceCertsChanges } from './workspace-certs-guard';

/** Settings an app, a tool or an SDK reads, which a developer's shell must not lend to a test. */
const PROFILE_VARIABLE = /^(TEMPORAL_|PAYLOAD_|CODEC_|WORKER_|STARTER_|OTEL_|AWS_|LOG_LEVEL$|LOG_FORMAT$)/;
export const RUN_DIR_VARIABLE = 'SAMPLES_E2E_RUN_DIR';
const WORKSPACE_CERTS_RECORD = 'workspace-certs.json';
const STOP_GRACE_MS = 5_000;

function refuseLocalProfiles(): void {
  const appsDir = join(WORKSPACE_ROOT, 'apps');
  const found = readdirSync(appsDir)
    .map((app) => join('apps', app, '.env.local'))
    .filter((file) => existsSync(join(WORKSPACE_ROOT, file)));
  if (found.length > 0) {
    throw new Error(
      `The e2e tests run the apps as they are committed, but ${found.join(', ')} would change what they read.\n` +
        'Fix: move those files aside while the tests run (they are yours, git-ignored), then put them back.',
    );
  }
}

/**
 * Jest's global setup for the e2e run: every process the tests start inherits an environment with
 * no profile settings from the developer's shell, a HOME of its own (so no TOML profile or CLI
 * config is read), a ledger of pids that the teardown checks, and a certificate folder of its own
 * (SAMPLES_CERTS_DIR, made once here), so no test reads or writes the workspace's certs/. Caches
 * stay where they are, so the binaries the test preparation built are found.
 */
export async function prepareRunEnvironment(): Promise<void> {
  refuseLocalProfiles();
  const runDir = mkdtempSync(join(tmpdir(), 'temporal-e2e-'));
  recordWorkspaceCerts(join(runDir, WORKSPACE_CERTS_RECORD));
  const home = join(runDir, 'home');
  mkdirSync(join(home, '.config'), { recursive: true });
  const realHome = process.env.HOME || homedir();
  const caches = {
    XDG_CACHE_HOME: process.env.XDG_CACHE_HOME || join(realHome, '.cache'),
    npm_config_cache: process.env.npm_config_cache || join(realHome, '.npm'),
    GOPATH: process.env.GOPATH || join(realHome, 'go'),
  };
  for (const name of Object.keys(process.env)) if (PROFILE_VARIABLE.test(name)) delete process.env[name];
  Object.assign(process.env, caches, {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    [RUN_DIR_VARIABLE]: runDir,
    [PID_LEDGER_VARIABLE]: join(runDir, 'pids.jsonl'),
    [CERTS_DIR_VARIABLE]: join(runDir, 'certs'),
  });
  await generateCertificates({ outDir: certsDir(), clients: [WEB_UI_CLIENT] });
  await prepareCloudLike();
}

/**
 * Jest's global teardown: ends (SIGTERM, then SIGKILL) any process a test started and left running,
 * and says so; removes the run's folder; fails the run when a test wrote the workspace's certs/.
 */
export async function endRunEnvironment(): Promise<void> {
  const runDir = process.env[RUN_DIR_VARIABLE];
  const ledger = process.env[PID_LEDGER_VARIABLE];
  if (!runDir || !ledger) return;
  const left = survivors(ledger);
  for (const { pid, command } of left) {
    console.warn(`e2e teardown: ${command} (pid ${pid}) was still running; ending it.`);
    process.kill(pid, 'SIGTERM');
  }
  const deadline = Date.now() + STOP_GRACE_MS;
  while (survivors(ledger).length > 0 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
  for (const { pid } of survivors(ledger)) process.kill(pid, 'SIGKILL');
  const changes = workspaceCertsChanges(join(runDir, WORKSPACE_CERTS_RECORD));
  rmSync(runDir, { recursive: true, force: true });
  if (changes.length > 0) {
    process.exitCode = 1;
    throw new Error(
      `The e2e tests wrote the workspace's certificate folder ${DEFAULT_CERTS_DIR}, which they must leave alone:\n` +
        changes.map((change) => `  ${change}`).join('\n') +
        `\nFix: make the test use certsDir() from tools/src/certs/layout.ts (${CERTS_DIR_VARIABLE}, the run's own folder).`,
    );
  }
}
