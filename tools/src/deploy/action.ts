import { WORKSPACE_ROOT } from '../apps/workspace-root';
import type { CommandAction } from '../cli/command';
import { ManifestsInvalidError } from '../package/errors';
import { deployManifests, validateManifests, VALIDATOR } from './kubernetes-validate';
import type { DEPLOY_COMMAND } from './args';

export const deployAction: CommandAction<typeof DEPLOY_COMMAND> = async (_values, positionals) => {
  const { ok, output } = validateManifests(positionals.length > 0 ? positionals : deployManifests(WORKSPACE_ROOT));
  process.stdout.write(output);
  if (!ok) {
    throw new ManifestsInvalidError(
      `The manifests above do not validate against Kubernetes ${VALIDATOR.kubernetesVersion}.`,
      'fix the field each ERROR line names (a misspelt or misplaced field, or a value of the wrong type).',
    );
  }
};
