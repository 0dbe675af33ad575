/**
 * An HTTP starter: `POST /workflows {"name": "Ada"}` starts greet, `GET /workflows/:id` reports
 * it (`npx nx run <app>:starter`, loopback:3000 by default: STARTER_HOST, STARTER_PORT).
 * When you copy the app, change parseInput and start; the connection comes from the app's .env.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { connectClient, loadAppProfile, runMain } from '@temporal-samples/connection';
import { InvalidInputError, starterAddress, startStarterServer } from '@temporal-samples/starter';
import { greet } from './workflows';

const APP_DIR = join(__dirname, '..');

function parseInput(body: unknown): string {
  const name = (body as { name?: unknown } | null)?.name;
  if (typeof name !== 'string' || name.trim() === '' || name.length > 100) {
    throw new InvalidInputError('send {"name": "<1 to 100 characters>"}');
  }
  return name.trim();
}

runMain(async () => {
  const profile = loadAppProfile(APP_DIR);
  const client = await connectClient(profile);
  const server = await startStarterServer({
    client,
    parseInput,
    start: (name) => client.workflow.start(greet, { taskQueue: profile.taskQueue, workflowId: `greet-${randomUUID()}`, args: [name] }),
    ...starterAddress(APP_DIR),
  });
  console.log(`Starter listening on ${server.url}: POST /workflows, GET /workflows/:id. Ctrl-C stops it.`);
  await new Promise((resolve) => ['SIGINT', 'SIGTERM'].forEach((signal) => process.once(signal, resolve)));
  await server.close();
  await client.connection.close();
  console.log('Starter stopped.');
});
