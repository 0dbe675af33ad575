import { execFileSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { WORKSPACE_ROOT, type AppRun } from '@temporal-samples/tools/apps/app-process';
import { freePort } from '@temporal-samples/tools/cluster/ports';
import type { LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import { ensureBaseImage } from '@temporal-samples/tools/containers/base-image';
import { podman, type Podman } from '@temporal-samples/tools/containers/podman';
import { deployedProfile, mountPath } from './support/deploy-manifests';
import { secretVolume, type SecretVolume } from './support/secret-volume';
import { startTestCluster } from './support/test-cluster';

const APP = 'local-mtls';
const IMAGE = `localhost/temporal-samples/${APP}-worker:e2e`;
const CONTAINER = `${APP}-worker-e2e-${process.pid}`;
/** The Dockerfile's runtime user; the mounted Secret is readable by it only, as fsGroup makes it in Kubernetes. */
const RUNTIME_USER = { uid: 1000, gid: 1000 };

/**
 * One image build (slow: npm ci and the Nx build inside the build stage), then the image runs
 * against the real mTLS cluster the way deploy/ runs it: the ConfigMap's profile as environment,
 * the Secret's files mounted read-only where the Deployment mounts them, a read-only root.
 */
describe('the local-mtls container image (apps/local-mtls/Dockerfile, built and run with podman)', () => {
  let engine: Podman;
  let cluster: LocalCluster;
  let secret: SecretVolume;
  let worker: AppRun;
  let healthPort: number;

  beforeAll(async () => {
    engine = podman();
    cluster = await startTestCluster(['samples'], { mtls: true });
    const base = ensureBaseImage(engine);
    const started = Date.now();
    const npmCache = execFileSync('npm', ['config', 'get', 'cache']).toString().trim() || join(homedir(), '.npm');
    const build = engine.start([
      'build',
      '--network=host',
      '--format=docker',
      `--volume=${npmCache}:/root/.npm`,
      `--file=apps/${APP}/Dockerfile`,
      `--build-arg=APP=${APP}`,
      `--build-arg=BASE_IMAGE=${base}`,
      `--tag=${IMAGE}`,
      WORKSPACE_ROOT,
    ]);
    if ((await build.exited) !== 0) throw new Error(`podman build failed:\n${build.output().slice(-6000)}`);
    const size = Number(engine.run(['image', 'inspect', '--format={{.Size}}', IMAGE]).trim());
    console.log(
      `Image ${IMAGE}: ${(size / 1e6).toFixed(0)} MB, built in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    secret = secretVolume(APP, RUNTIME_USER);
    healthPort = await freePort();
  }, 1_800_000);

  afterAll(async () => {
    if (engine) execFileSync('podman', ['rm', '--force', '--ignore', CONTAINER], { stdio: 'ignore' });
    await worker?.exited;
    await cluster?.stop();
    secret?.remove();
  });

  const runArgs = () => {
    const profile = {
      ...deployedProfile(APP),
      TEMPORAL_ADDRESS: cluster.address,
      WORKER_HEALTH_ADDRESS: `127.0.0.1:${healthPort}`,
      WORKER_METRICS_ADDRESS: '',
    };
    return [
      '--network=host',
      '--read-only',
      '--tmpfs=/tmp',
      `--volume=${secret.dir}:${mountPath(APP, 'client-tls')}:ro`,
      ...Object.entries(profile).map(([name, value]) => `--env=${name}=${value}`),
    ];
  };

  it('runs as a non-root user, with a readiness health check, and holds only built JavaScript and manifests', () => {
    const [config] = JSON.parse(engine.run(['image', 'inspect', IMAGE])) as {
      Config: { User: string; Cmd: string[] };
      HealthCheck?: { Test: string[] };
    }[];
    expect(config.Config.User).toBe('1000:1000');
    expect(config.Config.Cmd).toEqual(['node', 'dist/worker.js']);
    expect(JSON.stringify(config.HealthCheck?.Test)).toContain('/readyz');
    const inImage = (command: string) => engine.run(['run', '--rm', IMAGE, 'sh', '-c', command]).trim().split('\n');
    expect(inImage('ls -A /app').sort()).toEqual(['dist', 'libs', 'node_modules', 'package-lock.json', 'package.json']);
    const appFiles = inImage('find /app -path /app/node_modules -prune -o -type f -print');
    expect(appFiles).toContain('/app/dist/workflow-bundle.js');
    expect(appFiles.filter((file) => !/\.(js|json)$/.test(file))).toEqual([]);
    expect(inImage('find / -xdev \\( -name ".env*" -o -name "*.key" \\) -print | grep -v "^/proc" || true')).toEqual([
      '',
    ]);
  });

  it('completes a workflow against the mTLS cluster and stops gracefully on SIGTERM', async () => {
    worker = engine.start(['run', `--name=${CONTAINER}`, ...runArgs(), IMAGE]);
    await worker.waitFor(/Worker polling task queue|polling/i, 120_000);

    const client = engine.start(['run', '--rm', ...runArgs(), IMAGE, 'node', 'dist/client.js', 'container']);
    expect(await client.exited).toBe(0);
    expect(client.output()).toMatch(/Result: Hello, container!/);

    engine.run(['stop', '--time=30', CONTAINER]);
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toMatch(/Worker stopped/);
  });
});
