/**
 * Starts the greet workflow and prints its result: `npx nx run <app>:client -- [name]`.
 * When you copy the app, start your own workflow here; the connection comes from the app's .env.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { awaitResult, connectClient, loadAppProfile, runMain } from '@temporal-samples/connection';
import { greet } from './workflows';

runMain(async () => {
  const profile = await loadAppProfile(join(__dirname, '..'));
  const client = await connectClient(profile);
  const name = process.argv[2] ?? 'Temporal';
  const handle = await client.workflow.start(greet, {
    taskQueue: profile.taskQueue,
    workflowId: `greet-${randomUUID()}`,
    args: [name],
  });
  console.log(`Started workflow ${handle.workflowId} on task queue "${profile.taskQueue}".`);
  console.log(`Result: ${await awaitResult<string>(handle, profile)}`);
});
