import { loadProfile } from '@temporal-samples/connection';
import type { CommandAction } from '../../cli/command';
import { parseCount } from '../../cli/count';
import { appDir, startApp } from '../../apps/app-process';
import { requireRunnableApp } from '../../apps/workspace-root';
import { progress } from '../../cli/progress';
import { startLocalCluster } from '../../cluster/local-cluster';
import { freePort } from '../../cluster/ports';
import { median } from '../median';
import type { STARTUP_COMMAND } from './args';

/** The SDK's line when the worker starts polling, in the text and the JSON log format. */
const POLLING = /Worker state changed.*RUNNING/;

/**
 * `npm run bench:startup`: the worker's time from process start to polling, with metrics and JSON
 * logs off and on (alternating, in the same run), and the client's round trip from process start to
 * the printed result, median of several runs. Reports, never asserts.
 */
export const startupAction: CommandAction<typeof STARTUP_COMMAND> = async ({ app, runs: runsText }) => {
  requireRunnableApp(app);
  const runs = parseCount('runs', runsText);
  const profile = loadProfile({ envDir: appDir(app), requireTaskQueue: true });
  const cluster = await startLocalCluster({ namespaces: [profile.namespace], onProgress: progress });
  const env = { TEMPORAL_ADDRESS: cluster.address };
  const timeToPolling = async (extra: Record<string, string> = {}) => {
    const started = performance.now();
    const worker = startApp(app, 'worker', { env: { ...env, ...extra } });
    await worker.waitFor(POLLING);
    return { ms: performance.now() - started, worker };
  };
  const workerMs: number[] = [];
  const observedMs: number[] = [];
  const clientMs: number[] = [];
  try {
    for (let run = 1; run <= runs; run += 1) {
      const observed = await timeToPolling({
        WORKER_METRICS_ADDRESS: `127.0.0.1:${await freePort()}`,
        LOG_FORMAT: 'json',
      });
      observedMs.push(observed.ms);
      await observed.worker.stop('SIGINT');

      const { ms, worker } = await timeToPolling();
      workerMs.push(ms);
      const clientStarted = performance.now();
      const client = startApp(app, 'client', { env });
      await client.waitFor(/^Result: /);
      clientMs.push(performance.now() - clientStarted);
      await client.exited;
      await worker.stop('SIGINT');
      progress(
        `run ${run}/${runs}: worker ${ms.toFixed(0)} ms (${observed.ms.toFixed(0)} ms with metrics and JSON logs), client ${clientMs.at(-1)?.toFixed(0)} ms`,
      );
    }
  } finally {
    await cluster.stop();
  }
  const ratio = median(observedMs) / median(workerMs);
  console.log(`apps/${app}, ${runs} runs, median:`);
  console.log(`  worker, process start to polling:        ${median(workerMs).toFixed(0)} ms`);
  console.log(
    `  same, with metrics and JSON logs on:     ${median(observedMs).toFixed(0)} ms (${ratio.toFixed(2)}x; goal <= 1.20x)`,
  );
  console.log(`  client, process start to printed result: ${median(clientMs).toFixed(0)} ms`);
};
