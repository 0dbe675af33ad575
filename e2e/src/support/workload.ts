import type { Client, WorkflowHandle } from '@temporalio/client';
import { appClient as connectAppClient } from '@temporal-samples/tools/apps/greetings';

/** An SDK client with an app's profile plus overrides, as the app's own client started by startApp would connect. */
export async function appClient(app: string, env: Record<string, string>): Promise<Client> {
  return (await connectAppClient(app, env)).client;
}

export interface Load {
  handles: WorkflowHandle[];
  names: string[];
}

/** Starts `count` greet workflows straight through the SDK client, `concurrency` at a time. */
export async function startGreetings(
  client: Client,
  taskQueue: string,
  count: number,
  prefix: string,
  concurrency = 50,
): Promise<Load> {
  const names = Array.from({ length: count }, (_, index) => `${prefix}-${index}`);
  const handles: WorkflowHandle[] = new Array(count);
  let next = 0;
  const lane = async () => {
    for (let index = next++; index < count; index = next++) {
      handles[index] = await client.workflow.start('greet', {
        taskQueue,
        workflowId: `${names[index]}-${Date.now()}`,
        args: [names[index]],
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return { handles, names };
}

export interface Tally {
  completed: number;
  wrong: string[];
  failed: string[];
}

/** Waits for every workflow's result and counts it: right result, wrong result, or failure; `progress.settled` counts as it goes. */
export async function tally(load: Load, progress = { settled: 0 }, concurrency = 50): Promise<Tally> {
  const result: Tally = { completed: 0, wrong: [], failed: [] };
  let next = 0;
  const lane = async () => {
    for (let index = next++; index < load.handles.length; index = next++) {
      const handle = load.handles[index];
      try {
        const value = await handle.result();
        if (value === `Hello, ${load.names[index]}!`) result.completed += 1;
        else result.wrong.push(`${handle.workflowId}: ${String(value)}`);
      } catch (error) {
        result.failed.push(`${handle.workflowId}: ${(error as Error).message}`);
      }
      progress.settled += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return result;
}

/** Every workflow's tally, or a failure saying how many were still open when time ran out. */
export async function tallyWithin(load: Load, ms: number, what: string, progress = { settled: 0 }): Promise<Tally> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what}: ${load.handles.length - progress.settled} workflows still open after ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([tally(load, progress), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface Probe {
  status: number;
  body: { status?: string; reason?: string };
}

/** One GET of a health endpoint; a refused connection is status 0. */
export async function probe(url: string): Promise<Probe> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return { status: response.status, body: (await response.json()) as Probe['body'] };
  } catch (error) {
    return { status: 0, body: { reason: (error as Error).message } };
  }
}

/** Polls until the endpoint answers `status`; returns how long that took, in ms. */
export async function waitForStatus(url: string, status: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  let last: Probe | undefined;
  while (Date.now() - started < timeoutMs) {
    last = await probe(url);
    if (last.status === status) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
}
