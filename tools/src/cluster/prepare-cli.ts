import { runMain } from '@temporal-samples/connection';
import { progress } from '../cli/progress';
import { ensureCliBinary } from '../temporal-cli/cli-binary';
import { ensureServerBinary } from './server-binary';

/** `npx nx run tools:server-binary`: the Temporal server and CLI binaries, built once and cached. */
runMain(async () => {
  progress(`Temporal server binary: ${await ensureServerBinary()}`);
  progress(`Temporal CLI binary: ${await ensureCliBinary()}`);
});
