/**
 * Runs 1,000 workflows through rolling worker restarts: CPU-heavy, so it takes turns with the other CPU-heavy specs (support/worker-environment.ts).
 * @e2e-exclusive cpu-load
 */
import { startApp, type AppRun } from '@temporal-samples/tools/apps/app-process';
import type { LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import { freePort } from '@temporal-samples/tools/cluster/ports';
import type { Client } from '@temporalio/client';
import { TARGET_CLUSTERS } from './support/target-clusters';
import { TIMEOUTS } from './support/timeouts';
import { appClient, startGreetings, tally, waitForStatus } from './support/workload';

const WORKFLOWS = 1_000;
const WORKERS = 3;

interface RunningWorker {
  run: AppRun;
  health: string;
}

describe('rolling restart of three workers under load (plain)', () => {
  let cluster: LocalCluster;
  let client: Client;
  const workers: RunningWorker[] = [];
  const figures: Record<string, number> = {};

  const startWorker = async (): Promise<RunningWorker> => {
    const health = `127.0.0.1:${await freePort()}`;
    const run = startApp('plain', 'worker', {
      env: { TEMPORAL_ADDRESS: cluster.address, WORKER_HEALTH_ADDRESS: health },
    });
    await waitForStatus(`http://${health}/readyz`, 200, TIMEOUTS.ready);
    return { run, health };
  };

  beforeAll(async () => {
    cluster = await TARGET_CLUSTERS.plain.start();
    client = await appClient('plain', { TEMPORAL_ADDRESS: cluster.address });
    for (let index = 0; index < WORKERS; index += 1) workers.push(await startWorker());
  });

  afterAll(async () => {
    await client?.connection.close();
    await Promise.all(workers.map((worker) => worker.run.stop()));
    await cluster?.stop();
    console.log(`rolling restart figures: ${JSON.stringify(figures)}`);
  });

  it(
    'replaces each worker in turn (SIGTERM, exit 0, the new one ready) while 1,000 workflows run, and loses none',
    async () => {
      const started = Date.now();
      const load = await startGreetings(client, 'greetings', WORKFLOWS, 'rolling');
      figures.startedAllMs = Date.now() - started;
      const progress = { settled: 0 };
      const tallying = tally(load, progress);
      figures.settledAtFirstSigterm = progress.settled;
      const replaced: AppRun[] = [];
      for (let index = 0; index < WORKERS; index += 1) {
        const old = workers[index];
        old.run.child.kill('SIGTERM');
        expect(await old.run.exited).toBe(0);
        replaced.push(old.run);
        workers[index] = await startWorker();
      }
      figures.settledWhenRestartsDone = progress.settled;
      figures.restartsDoneMs = Date.now() - started;
      const result = await tallying;
      figures.workflows = load.handles.length;
      figures.completed = result.completed;
      figures.failedOrWrong = result.failed.length + result.wrong.length;
      figures.totalMs = Date.now() - started;
      expect(figures.settledWhenRestartsDone).toBeLessThan(WORKFLOWS);
      expect([...result.failed, ...result.wrong]).toEqual([]);
      expect(result.completed).toBe(WORKFLOWS);
      replaced.forEach((run) => expect(run.output()).toMatch(/Worker stopped\./));
      const stillRunning = await Promise.all(
        workers.map((worker) => waitForStatus(`http://${worker.health}/readyz`, 200, TIMEOUTS.step)),
      );
      expect(stillRunning).toHaveLength(WORKERS);
    },
    TIMEOUTS.long,
  );
});
