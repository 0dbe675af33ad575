import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '@temporal-samples/tools/apps/app-process';
import { freePort } from '@temporal-samples/tools/cluster/ports';
import type { LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import { requireBaseImage } from '@temporal-samples/tools/containers/base-image';
import { BUILD_CACHE_LABEL, builtLayers, pruneBuildCache } from '@temporal-samples/tools/containers/build-cache';
import { buildFlags, podman, type Podman } from '@temporal-samples/tools/containers/podman';
import { deployedProfile, mountPath } from './support/deploy-manifests';
import { secretVolume, type SecretVolume } from './support/secret-volume';
import { startTestCluster } from './support/test-cluster';
import { TIMEOUTS } from './support/timeouts';
import { appClient, startGreetings, tallyWithin } from './support/workload';

const APP = 'local-mtls';
const IMAGE = `localhost/temporal-samples/${APP}-worker:e2e-${process.pid}`;
const WORKER = `temporal-samples-e2e-${APP}-worker-${process.pid}`;
const CLIENTS = [1, 2].map((index) => `temporal-samples-e2e-${APP}-client-${index}-${process.pid}`);
/** The Dockerfile's runtime user; the mounted Secret is readable by it only, as fsGroup makes it in Kubernetes. */
const RUNTIME_USER = { uid: 1000, gid: 1000 };
/** The codec's sealer in C, compiled in the build stage (its compiler stays there). */
const NATIVE_SEALER = '/app/libs/codec/native/build/aes-gcm-seal.node';
/** A cold build (empty layer cache: npm ci from the npm cache, then the Nx build on 2 cores) takes minutes. */
const BUILD_BUDGET = TIMEOUTS.long * 2;

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

interface ImageConfig {
  Config: { User: string; Cmd: string[]; StopSignal?: string };
  Healthcheck?: { Test: string[] };
}

/**
 * One image build with podman on the local base image (the test preparation made it; no registry),
 * then the image runs against a real mTLS cluster the way deploy/ runs it: the ConfigMap's profile
 * as environment, the Secret's files mounted read-only where the Deployment mounts them, a
 * read-only root, the host's loopback network. Every container and the image are removed at the
 * end; the layers of the latest build stay as podman's build cache (labelled, older builds' layers
 * removed), so a rerun with unchanged sources builds in seconds.
 */
describe('the local-mtls container image (apps/local-mtls/Dockerfile, built and run with podman)', () => {
  let engine: Podman;
  let cluster: LocalCluster;
  let secret: SecretVolume;
  let healthPort: number;
  let metricsPort: number;
  let base: string;

  beforeAll(async () => {
    engine = podman();
    base = requireBaseImage(engine);
    const npmCache = process.env.npm_config_cache || execFileSync('npm', ['config', 'get', 'cache']).toString().trim();
    const started = Date.now();
    const build = engine.start([
      'build',
      ...buildFlags(),
      `--volume=${npmCache}:/root/.npm`,
      `--file=apps/${APP}/Dockerfile`,
      `--build-arg=APP=${APP}`,
      `--build-arg=BASE_IMAGE=${base}`,
      `--label=${BUILD_CACHE_LABEL}=${APP}`,
      `--tag=${IMAGE}`,
      WORKSPACE_ROOT,
    ]);
    if ((await build.exited) !== 0) throw new Error(`podman build failed:\n${build.output().slice(-6000)}`);
    pruneBuildCache(engine, APP, builtLayers(build.output()));
    const size = Number(engine.run(['image', 'inspect', '--format={{.Size}}', IMAGE]).trim());
    console.log(`${IMAGE}: ${(size / 1e6).toFixed(0)} MB, built in ${Math.round((Date.now() - started) / 1000)} s`);
    cluster = await startTestCluster(['samples'], { mtls: true });
    secret = secretVolume(APP, RUNTIME_USER);
    healthPort = await freePort();
    metricsPort = await freePort();
  }, BUILD_BUDGET);

  afterAll(async () => {
    if (engine) {
      engine.attempt(['rm', '--force', '--ignore', '--time=0', WORKER, ...CLIENTS]);
      // The image goes; the layers it was built from stay as podman's build cache (pruneBuildCache above).
      engine.attempt(['rmi', '--no-prune', IMAGE]);
    }
    await cluster?.stop();
    secret?.remove();
  });

  /** deploy/configmap.yaml's profile, pointed at the test's cluster, health and metrics on loopback ports. */
  const runArgs = () => {
    const profile = {
      ...deployedProfile(APP),
      TEMPORAL_ADDRESS: cluster.address,
      WORKER_HEALTH_ADDRESS: `127.0.0.1:${healthPort}`,
      WORKER_METRICS_ADDRESS: `127.0.0.1:${metricsPort}`,
    };
    return [
      '--network=host',
      '--read-only',
      '--tmpfs=/tmp',
      `--volume=${secret.dir}:${mountPath(APP, 'client-tls')}:ro`,
      ...Object.entries(profile).map(([name, value]) => `--env=${name}=${value}`),
    ];
  };

  const imageConfig = () => (JSON.parse(engine.run(['image', 'inspect', IMAGE])) as ImageConfig[])[0];

  it('runs as uid 1000 with a /readyz health check and SIGTERM, and holds built JavaScript but no key, certificate or .env', () => {
    const config = imageConfig();
    expect(config.Config.User).toBe('1000:1000');
    expect(config.Config.Cmd).toEqual(['node', 'dist/worker.js']);
    expect(config.Config.StopSignal).toBe('SIGTERM');
    expect(JSON.stringify(config.Healthcheck?.Test)).toContain('/readyz');

    const inImage = (image: string, command: string) =>
      engine.run(['run', '--rm', '--user=0', image, 'sh', '-c', command]).trim().split('\n').filter(Boolean);
    expect(inImage(IMAGE, 'ls -A /app').sort()).toEqual([
      'dist',
      'libs',
      'node_modules',
      'package-lock.json',
      'package.json',
    ]);
    const appFiles = inImage(IMAGE, 'find /app -path /app/node_modules -prune -o -type f -print');
    expect(appFiles).toEqual(expect.arrayContaining(['/app/dist/worker.js', '/app/dist/workflow-bundle.js']));
    expect(appFiles.filter((file) => !/\.(js|json)$/.test(file))).toEqual([NATIVE_SEALER]);

    // Key, certificate and profile files the image adds to its base: only ones npm packages ship, byte for byte.
    const keyFiles = `find / -xdev \\( -name '*.pem' -o -name '*.key' -o -name '*.crt' -o -name '.env*' \\) -print`;
    const inBase = new Set(inImage(base, keyFiles));
    const added = inImage(IMAGE, keyFiles).filter((file) => !inBase.has(file));
    const addedDigests = added.length > 0 ? inImage(IMAGE, `sha256sum ${added.join(' ')}`) : [];
    for (const line of addedDigests) {
      const [digest, file] = line.split(/\s+/);
      expect(file).toMatch(/^\/app\/node_modules\//);
      const fromRegistry = join(WORKSPACE_ROOT, file.replace(/^\/app\//, ''));
      expect({ file, digest }).toEqual({ file, digest: sha256(fromRegistry) });
    }
    expect(addedDigests).toHaveLength(added.length);
  });

  it("seals payloads with the codec's native sealer, compiled in the build stage for the runtime stage's Node", () => {
    const sealer = engine.run([
      'run',
      '--rm',
      IMAGE,
      'node',
      '-p',
      "require('@temporal-samples/codec').sealerInUse().description",
    ]);
    expect(sealer.trim()).toBe("OpenSSL through the codec's native addon");
    const compiler = engine.run(['run', '--rm', IMAGE, 'sh', '-c', 'command -v cc gcc || echo none']);
    expect(compiler.trim()).toBe('none');
  });

  it(
    'serves workflows against the mTLS cluster, answers its HEALTHCHECK healthy, runs node as uid 1000 and exits 0 on podman stop',
    async () => {
      engine.run(['run', '--detach', `--name=${WORKER}`, ...runArgs(), IMAGE]);

      const health = () => engine.attempt(['healthcheck', 'run', WORKER]);
      const deadline = Date.now() + TIMEOUTS.ready;
      let check = health();
      while (check.code !== 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        check = health();
      }
      expect(check).toEqual({ code: 0, output: '' });
      expect(engine.run(['inspect', '--format={{.State.Health.Status}}', WORKER]).trim()).toBe('healthy');
      expect(engine.run(['logs', WORKER])).toMatch(/Worker polling task queue .*greetings.* in namespace .*samples/);

      // The same check with nothing serving at its address fails: the HEALTHCHECK really asks /readyz.
      const closedPort = await freePort();
      const checkCommand = imageConfig().Healthcheck?.Test.slice(1).join(' ') as string;
      const against = (address: string) =>
        engine.attempt(['exec', `--env=WORKER_HEALTH_ADDRESS=${address}`, WORKER, 'sh', '-c', checkCommand]).code;
      expect(against(`127.0.0.1:${closedPort}`)).not.toBe(0);
      expect(against(`0.0.0.0:${healthPort}`)).toBe(0);

      const [status, cmdline] = engine
        .run(['exec', WORKER, 'sh', '-c', 'grep ^Uid: /proc/1/status; tr "\\0" " " < /proc/1/cmdline'])
        .trim()
        .split('\n');
      expect(status.split(/\s+/).slice(1)).toEqual(['1000', '1000', '1000', '1000']);
      expect(cmdline.trim()).toBe('node dist/worker.js');

      const clients = CLIENTS.map((name, index) =>
        engine.start([
          'run',
          '--rm',
          `--name=${name}`,
          ...runArgs(),
          IMAGE,
          'node',
          'dist/client.js',
          `container-${index}`,
        ]),
      );
      expect(await Promise.all(clients.map((client) => client.exited))).toEqual([0, 0]);
      clients.forEach((client, index) =>
        expect(client.output()).toMatch(new RegExp(`^Result: Hello, container-${index}!$`, 'm')),
      );

      const client = await appClient(APP, {
        TEMPORAL_ADDRESS: cluster.address,
        TEMPORAL_NAMESPACE: 'samples',
        ...secret.tlsEnv(),
      });
      const load = await startGreetings(client, 'greetings', 200, 'container-batch');
      const tally = await tallyWithin(load, TIMEOUTS.ready, 'workflows for the container worker');
      await client.connection.close();
      expect(tally).toEqual({ completed: 200, wrong: [], failed: [] });

      const stopped = Date.now();
      engine.run(['stop', '--time=30', WORKER]);
      expect(Date.now() - stopped).toBeLessThan(30_000);
      expect(engine.run(['inspect', '--format={{.State.ExitCode}}', WORKER]).trim()).toBe('0');
      expect(engine.run(['logs', WORKER])).toMatch(/Worker stopped\./);
    },
    TIMEOUTS.test,
  );
});
