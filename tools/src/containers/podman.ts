import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCommand, type AppRun, type StartAppOptions } from '../apps/app-process';
import { cacheRoot } from '../cluster/go-binary';
import { ContainerToolMissingError } from '../package/errors';

export const INSTALL_FIX =
  'install them as root: apt-get install -y podman runc mmdebstrap (.ci/run does it), then run this again.';

/** At most this process's own hard limit, which podman may hand on; "unlimited" is not a number it takes. */
function openFilesLimit(): number {
  const hard = execFileSync('sh', ['-c', 'ulimit -Hn']).toString().trim();
  return hard === 'unlimited' ? 1_048_576 : Number(hard);
}

/**
 * `podman build` flags for these machines: the host's network (the build's npm reaches the registry
 * as the host does), Docker's image format (OCI has no HEALTHCHECK), the layer cache, and as many
 * open files as this process may have (buildah gives RUN steps 1,024 otherwise: npm ci fails with EMFILE).
 */
export function buildFlags(): string[] {
  const files = openFilesLimit();
  return ['--network=host', '--format=docker', '--layers', `--ulimit=nofile=${files}:${files}`];
}

export interface Podman {
  /** Runs podman to completion and returns what it printed on stdout. */
  run(args: string[]): string;
  /** Runs podman to completion whatever its exit code (e.g. `healthcheck run`): the code and what it printed. */
  attempt(args: string[]): { code: number | null; output: string };
  /** Starts podman and watches what it prints (a build, a container in the foreground). */
  start(args: string[], options?: StartAppOptions): AppRun;
}

/**
 * Podman as it runs on a machine without a Docker engine or registry: runc (crun refuses hybrid
 * cgroups), cgroupfs, and a containers.conf that raises no ulimits.
 */
export function podman(env: NodeJS.ProcessEnv = process.env): Podman {
  try {
    execFileSync('podman', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new ContainerToolMissingError(
      'podman is not installed: the image test builds and runs the app image with it.',
      INSTALL_FIX,
    );
  }
  const conf = env.CONTAINERS_CONF ?? join(cacheRoot(env), 'containers.conf');
  if (!existsSync(conf)) {
    mkdirSync(cacheRoot(env), { recursive: true });
    writeFileSync(conf, '[containers]\ndefault_ulimits = []\n');
  }
  const global = ['--runtime', 'runc', '--cgroup-manager=cgroupfs'];
  const podmanEnv = { ...env, CONTAINERS_CONF: conf };
  return {
    run: (args) =>
      execFileSync('podman', [...global, ...args], { env: podmanEnv, stdio: ['ignore', 'pipe', 'pipe'] }).toString(),
    attempt: (args) => {
      const result = spawnSync('podman', [...global, ...args], { env: podmanEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      return { code: result.status, output: `${result.stdout}${result.stderr}` };
    },
    start: (args, options = {}) =>
      startCommand('podman', [...global, ...args], { ...options, env: { CONTAINERS_CONF: conf, ...options.env } }),
  };
}
