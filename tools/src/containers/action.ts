import type { CommandAction } from '../cli/command';
import { UsageError } from '../cli/errors';
import { ensureBaseImage } from './base-image';
import { podman } from './podman';
import type { CONTAINERS_COMMAND } from './args';

export const containersAction: CommandAction<typeof CONTAINERS_COMMAND> = async (_values, positionals) => {
  if (positionals[0] !== 'base-image') {
    throw new UsageError(
      `Unknown command "${positionals[0] ?? ''}".`,
      'run: node tools/dist/containers/cli.js base-image (see --help).',
    );
  }
  console.log(ensureBaseImage(podman()));
};
