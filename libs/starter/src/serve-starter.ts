import { connectClient, loadAppProfile, type AppProfile } from '@temporal-samples/connection';
import { notReadyOnSignals, runtimeSettings, serveHealth, watchCredentials } from '@temporal-samples/worker-runtime';
import type { Client, Connection, WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { starterAddress } from './starter-settings';
import { startStarterServer } from './starter-server';

export const STARTER_HEALTH_ADDRESS = 'STARTER_HEALTH_ADDRESS';

export interface StarterWorkflow<Input> {
  /** Checks the request body; throws InvalidInputError when it is wrong. */
  parseInput(body: unknown): Input;
  start(client: Client, profile: AppProfile, input: Input): Promise<WorkflowHandleWithFirstExecutionRunId>;
}

const READINESS_DEADLINE_MS = 2_500;

/**
 * An app's HTTP starter from its folder: its profile and client, the server on STARTER_HOST:STARTER_PORT,
 * credentials rotated live like the worker's, /livez and /readyz on STARTER_HEALTH_ADDRESS, until
 * Ctrl-C or SIGTERM, then a graceful stop.
 */
export async function serveStarter<Input>(appDir: string, workflow: StarterWorkflow<Input>): Promise<void> {
  const settings = runtimeSettings(appDir, STARTER_HEALTH_ADDRESS);
  const profile = await loadAppProfile(appDir);
  let client = await connectClient(profile);
  const server = await startStarterServer({
    client: () => client,
    parseInput: workflow.parseInput,
    start: (input) => workflow.start(client, profile, input),
    ...starterAddress(appDir),
  });
  const health = await serveHealth(STARTER_HEALTH_ADDRESS, settings.health, {
    check: () =>
      client.connection
        .withDeadline(Date.now() + READINESS_DEADLINE_MS, () => client.connection.workflowService.getSystemInfo({}))
        .then(() => undefined),
    silence: "cluster did not answer through the starter's connection",
  });
  const removeSignalListeners = notReadyOnSignals(health.readiness);
  const rotation = watchCredentials(
    appDir,
    profile,
    {
      async replaceConnection(next) {
        const previous = client;
        client = await connectClient(next);
        await previous.connection.close();
      },
      async setApiKey(apiKey) {
        (client.connection as Connection).setApiKey(apiKey);
      },
    },
    { certExpiryWarningMs: settings.certExpiryWarningMs, secretsPollIntervalMs: settings.secretsPollIntervalMs },
  );
  console.log(`Starter listening on ${server.url}: POST /workflows, GET /workflows/:id. Ctrl-C stops it.`);
  await new Promise((resolve) => ['SIGINT', 'SIGTERM'].forEach((signal) => process.once(signal, resolve)));
  rotation?.close();
  removeSignalListeners();
  await server.close();
  await health.close();
  await client.connection.close();
  console.log('Starter stopped.');
}
