import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCommand, type AppRun, type StartAppOptions } from '../apps/app-process';
import { cacheRoot } from '../cluster/go-binary';
import { ContainerToolMissingError } from '../package/errors';

export const INSTALL_FIX =
  'install them as root: apt-get install -y podman runc mmdebstrap (.ci/run does it), then run this again.';

export interface Podman {
  /** Runs podman to completion and returns what it printed on stdout. */
  run(args: string[]): string;
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
    start: (args, options = {}) =>
      startCommand('podman', [...global, ...args], { ...options, env: { CONTAINERS_CONF: conf, ...options.env } }),
  };
}
