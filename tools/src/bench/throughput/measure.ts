import { startApp, type AppRun } from '../../apps/app-process';
import { appClient, greetingResults, startGreetings } from '../../apps/greetings';

export interface LoadOptions {
  app: string;
  env: Record<string, string>;
  workers: number;
  workflows: number;
  runs: number;
  onRun?: (run: number, perSecond: number) => void;
}

/**
 * Workflows per second: N greet workflows started by one client and every result read back,
 * timed from the first start to the last result, with the app's real worker processes polling.
 */
export async function measureThroughput(options: LoadOptions): Promise<number[]> {
  const taskQueue = `bench-${Date.now()}`;
  const env = { ...options.env, TEMPORAL_TASK_QUEUE: taskQueue };
  const workers: AppRun[] = [];
  const { client, close } = await appClient(options.app, env);
  try {
    for (let index = 0; index < options.workers; index += 1) workers.push(startApp(options.app, 'worker', { env }));
    await Promise.all(workers.map((worker) => worker.waitFor(/Worker polling/, 60_000)));
    const rates: number[] = [];
    for (let run = 1; run <= options.runs; run += 1) {
      const names = Array.from({ length: options.workflows }, (_, index) => `Bench ${run}.${index}`);
      const started = performance.now();
      const handles = await startGreetings(client, taskQueue, names);
      const results = await greetingResults(
        client,
        handles.map((handle) => handle.workflowId),
      );
      const seconds = (performance.now() - started) / 1000;
      const wrong = results.filter((result, index) => result !== `Hello, ${names[index]}!`).length;
      if (wrong > 0) throw new Error(`${wrong} of ${names.length} results were wrong`);
      rates.push(options.workflows / seconds);
      options.onRun?.(run, rates[rates.length - 1]);
    }
    return rates;
  } finally {
    await Promise.all(workers.map((worker) => worker.stop('SIGINT')));
    await close();
  }
}
