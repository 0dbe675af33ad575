/**
 * Polls this app's task queue. When you copy the app, change workflows.ts and activities.ts;
 * the connection comes from the app's .env and never needs code here.
 */
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { connectWorker, loadAppProfile, runMain } from '@temporal-samples/connection';
import * as activities from './activities';

runMain(async () => {
  const profile = loadAppProfile(join(__dirname, '..'));
  const worker = await Worker.create({
    ...(await connectWorker(profile)),
    workflowBundle: { codePath: join(__dirname, 'workflow-bundle.js') },
    activities,
  });
  console.log(
    `Worker polling task queue "${profile.taskQueue}" in namespace "${profile.namespace}" at ${profile.address}. Ctrl-C stops it.`,
  );
  await worker.run();
  console.log('Worker stopped.');
});
