import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { appDir, startCommand, WORKSPACE_ROOT, type AppRun } from '@temporal-samples/tools/apps/app-process';
import type { LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import { secretVolume, type SecretVolume } from './support/secret-volume';
import { startTestCluster } from './support/test-cluster';
import { TIMEOUTS } from './support/timeouts';

const NAMESPACE = 'samples';
const TASK_QUEUE = 'packaged-greetings';

/** `npx nx run local-mtls:package` ran before this test (the e2e target depends on every app's package). */
describe('the package target: apps/local-mtls/dist/package alone, outside the workspace', () => {
  let cluster: LocalCluster;
  let secret: SecretVolume;
  let dir: string;
  let worker: AppRun;
  const profile = () => ({
    TEMPORAL_ADDRESS: cluster.address,
    TEMPORAL_NAMESPACE: NAMESPACE,
    TEMPORAL_TASK_QUEUE: TASK_QUEUE,
    ...secret.tlsEnv(),
  });
  const run = (script: string, args: string[] = []) =>
    startCommand(process.execPath, [script, ...args], { cwd: dir, env: { ...profile(), NODE_PATH: '' } });

  beforeAll(async () => {
    const started = startTestCluster([NAMESPACE], { mtls: true });
    dir = mkdtempSync(join(tmpdir(), 'local-mtls-package-'));
    cpSync(join(appDir('local-mtls'), 'dist', 'package'), dir, { recursive: true });
    execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: dir,
      stdio: 'pipe',
    });
    cluster = await started;
    secret = secretVolume('local-mtls');
  }, TIMEOUTS.long);

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await cluster?.stop();
    secret?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds the built code, its workspace libraries as JavaScript, and no sources, profiles or keys', () => {
    expect(relative(WORKSPACE_ROOT, dir).startsWith('..')).toBe(true);
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter(
      (file) => !file.startsWith('node_modules'),
    );
    expect(files).toEqual(expect.arrayContaining(['dist/worker.js', 'dist/client.js', 'dist/workflow-bundle.js']));
    expect(files).toEqual(expect.arrayContaining(['libs/connection/dist/index.js', 'package-lock.json']));
    expect(files.filter((file) => /\.ts$|(^|\/)\.env|\.pem$|\.key$|\.crt$/.test(file))).toEqual([]);
    expect(existsSync(join(dir, 'node_modules', '@temporalio', 'worker'))).toBe(true);
  });

  it('resolves every package from its own node_modules, the libraries to their built JavaScript', () => {
    const resolved = (name: string) =>
      execFileSync(process.execPath, ['-p', `require.resolve(${JSON.stringify(name)})`], { cwd: dir })
        .toString()
        .trim();
    expect(resolved('@temporalio/worker').startsWith(join(dir, 'node_modules'))).toBe(true);
    expect(resolved('@temporal-samples/connection')).toBe(join(dir, 'libs', 'connection', 'dist', 'index.js'));
  });

  it("carries the codec's native sealer built in the workspace, and the packaged codec seals with it", () => {
    expect(existsSync(join(dir, 'libs', 'codec', 'native', 'build', 'aes-gcm-seal.node'))).toBe(true);
    const sealer = execFileSync(
      process.execPath,
      ['-p', "require('@temporal-samples/codec').sealerInUse().description"],
      {
        cwd: dir,
      },
    ).toString();
    expect(sealer.trim()).toBe("OpenSSL through the codec's native addon");
  });

  it('runs the worker and the client against the mTLS cluster, and the worker stops on SIGTERM', async () => {
    worker = run('dist/worker.js');
    await worker.waitFor(new RegExp(`Worker polling task queue "${TASK_QUEUE}"`), TIMEOUTS.ready);
    const client = run('dist/client.js', ['package']);
    expect(await client.exited).toBe(0);
    expect(client.output()).toMatch(/^Result: Hello, package!$/m);
    expect(await worker.stop('SIGTERM')).toBe(0);
    expect(worker.output()).toMatch(/Worker stopped\./);
  });
});
