/**
 * An HTTP starter: `POST /workflows {"name": "Ada"}` starts greet, `GET /workflows/:id` reports
 * it (`npx nx run <app>:starter`, loopback:3000 by default: STARTER_HOST, STARTER_PORT).
 * When you copy the app, change parseInput and start; the connection comes from the app's .env.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { runMain } from '@temporal-samples/connection';
import { InvalidInputError, serveStarter } from '@temporal-samples/starter';
import { greet } from './workflows';

function parseInput(body: unknown): string {
  const name = (body as { name?: unknown } | null)?.name;
  if (typeof name !== 'string' || name.trim() === '' || name.length > 100) {
    throw new InvalidInputError('send {"name": "<1 to 100 characters>"}');
  }
  return name.trim();
}

runMain(() =>
  serveStarter(join(__dirname, '..'), {
    parseInput,
    start: (client, profile, name) =>
      client.workflow.start(greet, { taskQueue: profile.taskQueue, workflowId: `greet-${randomUUID()}`, args: [name] }),
  }),
);
