import { randomUUID } from 'node:crypto';
import { connectClient, loadAppProfile, type AppProfile } from '@temporal-samples/connection';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { appCertsEnv } from '../certs/app-certs-env';
import { appDir } from './app-process';

const IN_FLIGHT = 100;

export interface AppClient {
  client: Client;
  profile: AppProfile;
  close(): Promise<void>;
}

/** A client with an app's own profile (its .env, certificates and codec keys), as the app's client.ts started by startApp makes it. */
export async function appClient(app: string, env: Record<string, string>): Promise<AppClient> {
  const profile = await loadAppProfile(appDir(app), {
    env: { ...appCertsEnv(appDir(app)), ...process.env, ...env },
    onNotice: () => undefined,
  });
  const client = await connectClient(profile);
  return { client, profile, close: () => client.connection.close() };
}

/** Runs `work` over the items with at most `limit` calls in flight, keeping the order of results. */
export async function mapInFlight<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** Starts the apps' `greet` workflow once per name on the task queue. */
export function startGreetings(client: Client, taskQueue: string, names: string[]): Promise<WorkflowHandle[]> {
  return mapInFlight(names, IN_FLIGHT, (name) =>
    client.workflow.start('greet', { taskQueue, workflowId: `greet-${randomUUID()}`, args: [name] }),
  );
}

/** Every workflow's result, read by id (so handles from another connection work too). */
export function greetingResults(client: Client, workflowIds: string[]): Promise<string[]> {
  return mapInFlight(workflowIds, IN_FLIGHT, (workflowId) => client.workflow.getHandle(workflowId).result());
}
