import { connectClient, loadAppProfile, type AppProfile } from '@temporal-samples/connection';
import type { Client, WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { starterAddress } from './starter-settings';
import { startStarterServer } from './starter-server';

export interface StarterWorkflow<Input> {
  /** Checks the request body; throws InvalidInputError when it is wrong. */
  parseInput(body: unknown): Input;
  start(client: Client, profile: AppProfile, input: Input): Promise<WorkflowHandleWithFirstExecutionRunId>;
}

/**
 * An app's HTTP starter from its folder: its profile and client, the server on STARTER_HOST:STARTER_PORT,
 * until Ctrl-C or SIGTERM, then a graceful stop.
 */
export async function serveStarter<Input>(appDir: string, workflow: StarterWorkflow<Input>): Promise<void> {
  const profile = loadAppProfile(appDir);
  const client = await connectClient(profile);
  const server = await startStarterServer({
    client,
    parseInput: workflow.parseInput,
    start: (input) => workflow.start(client, profile, input),
    ...starterAddress(appDir),
  });
  console.log(`Starter listening on ${server.url}: POST /workflows, GET /workflows/:id. Ctrl-C stops it.`);
  await new Promise((resolve) => ['SIGINT', 'SIGTERM'].forEach((signal) => process.once(signal, resolve)));
  await server.close();
  await client.connection.close();
  console.log('Starter stopped.');
}
