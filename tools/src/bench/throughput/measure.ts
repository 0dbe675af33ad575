import { startApp, type AppRun } from '../../apps/app-process';
import { appClient, greetingResults, startGreetings } from '../../apps/greetings';

export interface LoadOptions {
  app: string;
  env: Record<string, string>;
  workers: number;
  workflows: number;
  /** Untimed workflows first, so worker start-up (bundle load, first connections) is not in the figure. */
  warmUp: number;
  /** Tells apart the workflow names of one run from another's. */
  runName: string;
}

async function greetAll(client: Awaited<ReturnType<typeof appClient>>['client'], taskQueue: string, names: string[]) {
  const handles = await startGreetings(client, taskQueue, names);
  const results = await greetingResults(
    client,
    handles.map((handle) => handle.workflowId),
  );
  const wrong = results.filter((result, index) => result !== `Hello, ${names[index]}!`).length;
  if (wrong > 0) throw new Error(`${wrong} of ${names.length} greet workflows returned a wrong result`);
}

/**
 * Workflows per second: the app's real worker processes start on a fresh task queue, then one
 * client starts N greet workflows and reads every result back, timed from the first start to
 * the last result. Every result is checked.
 */
export async function measureThroughput(options: LoadOptions): Promise<number> {
  const taskQueue = `bench-${options.runName.replace(/\W+/g, '-')}-${Date.now()}`;
  const env = { ...options.env, TEMPORAL_TASK_QUEUE: taskQueue };
  const workers: AppRun[] = [];
  const { client, close } = await appClient(options.app, env);
  try {
    for (let index = 0; index < options.workers; index += 1) workers.push(startApp(options.app, 'worker', { env }));
    await Promise.all(workers.map((worker) => worker.waitFor(/Worker polling/, 60_000)));
    const names = (count: number, prefix: string) =>
      Array.from({ length: count }, (_, index) => `${prefix} ${options.runName} ${index}`);
    await greetAll(client, taskQueue, names(options.warmUp, 'Warm-up'));
    const started = performance.now();
    await greetAll(client, taskQueue, names(options.workflows, 'Bench'));
    return options.workflows / ((performance.now() - started) / 1000);
  } finally {
    await Promise.all(workers.map((worker) => worker.stop('SIGINT')));
    await close();
  }
}
