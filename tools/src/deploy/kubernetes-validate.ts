import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { progress } from '../cli/progress';
import { cacheRoot } from '../cluster/go-binary';
import { ManifestValidatorInstallError } from '../package/errors';

/** PyPI's kubernetes-validate: Kubernetes' OpenAPI schemas for each release, shipped in the package (no download when it runs). */
export const VALIDATOR = { name: 'kubernetes-validate', version: '1.37.0', kubernetesVersion: '1.37.0' };

/** The validator in its own virtual environment under the cache folder, installed from PyPI once. */
export function ensureValidator(): string {
  const venv = join(cacheRoot(), `${VALIDATOR.name}-${VALIDATOR.version}`);
  const bin = join(venv, 'bin', VALIDATOR.name);
  if (existsSync(bin)) return bin;
  progress(`Installing ${VALIDATOR.name} ${VALIDATOR.version} from PyPI into ${venv}, once`);
  try {
    execFileSync('python3', ['-m', 'venv', venv], { stdio: ['ignore', 'ignore', 'pipe'] });
    execFileSync(join(venv, 'bin', 'pip'), ['install', '--quiet', `${VALIDATOR.name}==${VALIDATOR.version}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    throw new ManifestValidatorInstallError(
      `Could not install ${VALIDATOR.name} ${VALIDATOR.version}: ${String((error as { stderr?: Buffer }).stderr ?? error).slice(-1000)}`,
      'install python3 and python3-venv (apt-get install -y python3-venv) and check that PyPI is reachable.',
    );
  }
  return bin;
}

/** Every Kubernetes object file under the apps' deploy/ folders (kustomization.yaml is kustomize's, not the API's). */
export function deployManifests(workspaceRoot: string): string[] {
  const apps = join(workspaceRoot, 'apps');
  return readdirSync(apps)
    .filter((app) => existsSync(join(apps, app, 'deploy')))
    .flatMap((app) =>
      readdirSync(join(apps, app, 'deploy'))
        .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
        .map((file) => join(apps, app, 'deploy', file)),
    );
}

/** Strict validation (unknown fields are errors) against the pinned Kubernetes release's schemas. */
export function validateManifests(files: string[]): { ok: boolean; output: string } {
  const result = spawnSync(
    ensureValidator(),
    ['--strict', '--kubernetes-version', VALIDATOR.kubernetesVersion, ...files],
    { encoding: 'utf8' },
  );
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}
