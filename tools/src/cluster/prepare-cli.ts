import { runMain } from '@temporal-samples/connection';
import { progress } from '../cli/progress';
import { ensureServerBinary } from './server-binary';

runMain(async () => {
  progress(`Temporal server binary: ${await ensureServerBinary()}`);
});
