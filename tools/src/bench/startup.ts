import { loadProfile } from '@temporal-samples/connection';
import { runCommand } from '../cli/command';
import { parseCount } from '../cli/count';
import { appDir, startApp } from '../apps/app-process';
import { progress } from '../cli/progress';
import { startLocalCluster } from '../cluster/local-cluster';
import { median } from './median';

/**
 * `npm run bench:startup`: the worker's time from process start to polling, and the client's
 * round trip from process start to the printed result, median of several runs. Reports, never asserts.
 */
runCommand(
  {
    usage: 'npm run bench:startup --',
    summary: "Times an app's worker from process start to polling, and its client's round trip, on a local server.",
    options: {
      app: { type: 'string', value: '<app>', default: 'plain', description: 'the app under apps/' },
      runs: { type: 'string', value: '<n>', default: '5', description: 'runs to take the median of' },
    },
  },
  async ({ app, runs: runsText }) => {
    const runs = parseCount('runs', runsText);
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
  },
);
