import { WORKSPACE_ROOT } from '../apps/workspace-root';
import { runCommand } from '../cli/command';
import { ManifestsInvalidError } from '../package/errors';
import { deployManifests, validateManifests, VALIDATOR } from './kubernetes-validate';

runCommand(
  {
    usage: 'node tools/dist/deploy/cli.js',
    positionals: '[manifest.yaml ...]',
    summary:
      'Validates Kubernetes manifests (default: every apps/*/deploy/*.yaml but kustomization.yaml) strictly ' +
      `against the Kubernetes ${VALIDATOR.kubernetesVersion} schemas, with PyPI's ${VALIDATOR.name} ` +
      `${VALIDATOR.version} (installed once into a virtual environment in the cache folder; its schemas ship in the package).`,
    options: {},
  },
  async (_values, positionals) => {
    const { ok, output } = validateManifests(positionals.length > 0 ? positionals : deployManifests(WORKSPACE_ROOT));
    process.stdout.write(output);
    if (!ok) {
      throw new ManifestsInvalidError(
        `The manifests above do not validate against Kubernetes ${VALIDATOR.kubernetesVersion}.`,
        'fix the field each ERROR line names (a misspelt or misplaced field, or a value of the wrong type).',
      );
    }
  },
);
