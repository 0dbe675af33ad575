import { parseArgs } from 'node:util';
import { loadProfile, runMain } from '@temporal-samples/connection';
import { appDir, startApp } from '../apps/app-process';
import { progress } from '../cli/progress';
import { startLocalCluster } from '../cluster/local-cluster';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * `npm run bench:startup`: the worker's time from process start to polling, and the client's
 * round trip from process start to the printed result, median of several runs. Reports, never asserts.
 */
runMain(async () => {
  const { values } = parseArgs({
    options: { app: { type: 'string', default: 'plain' }, runs: { type: 'string', default: '5' } },
  });
  const app = values.app ?? 'plain';
  const runs = Number(values.runs);
  const profile = loadProfile({ envDir: appDir(app), requireTaskQueue: true });
  const cluster = await startLocalCluster({ namespaces: [profile.namespace], onProgress: progress });
  const env = { TEMPORAL_ADDRESS: cluster.address };
  const workerMs: number[] = [];
  const clientMs: number[] = [];
  try {
    for (let run = 1; run <= runs; run += 1) {
      const started = performance.now();
      const worker = startApp(app, 'worker', { env });
      await worker.waitFor(/state: '?RUNNING'?/);
      workerMs.push(performance.now() - started);

      const clientStarted = performance.now();
      const client = startApp(app, 'client', { env });
      await client.waitFor(/^Result: /);
      clientMs.push(performance.now() - clientStarted);
      await client.exited;
      await worker.stop('SIGINT');
      progress(
        `run ${run}/${runs}: worker ${workerMs.at(-1)?.toFixed(0)} ms, client ${clientMs.at(-1)?.toFixed(0)} ms`,
      );
    }
  } finally {
    await cluster.stop();
  }
  console.log(`apps/${app}, ${runs} runs, median:`);
  console.log(`  worker, process start to polling:        ${median(workerMs).toFixed(0)} ms`);
  console.log(`  client, process start to printed result: ${median(clientMs).toFixed(0)} ms`);
});
