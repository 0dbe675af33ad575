import { defineCommand } from '../cli/command';
import { VALIDATOR } from './kubernetes-validate';

export const DEPLOY_COMMAND = defineCommand({
  usage: 'node tools/dist/deploy/cli.js',
  positionals: '[manifest.yaml ...]',
  summary:
    'Validates Kubernetes manifests (default: every apps/*/deploy/*.yaml but kustomization.yaml) strictly ' +
    `against the Kubernetes ${VALIDATOR.kubernetesVersion} schemas, with PyPI's ${VALIDATOR.name} ` +
    `${VALIDATOR.version} (installed once into a virtual environment in the cache folder; its schemas ship in the package).`,
  options: {},
});
