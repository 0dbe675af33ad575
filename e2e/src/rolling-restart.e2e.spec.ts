import { startApp, type AppRun } from '@temporal-samples/tools/apps/app-process';
import type { LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import type { Client } from '@temporalio/client';
import { TARGET_CLUSTERS } from './support/target-clusters';
import { appClient, startGreetings, tally } from './support/workload';

const WORKFLOWS = 1_000;

describe('rolling restart of three workers under load (plain)', () => {
  let cluster: LocalCluster;
  let client: Client;
  const workers: AppRun[] = [];

  const startWorker = async () => {
    const worker = startApp('plain', 'worker', { env: { TEMPORAL_ADDRESS: cluster.address } });
    await worker.waitFor(/Worker polling task queue "greetings"/);
    return worker;
  };

  beforeAll(async () => {
    cluster = await TARGET_CLUSTERS.plain.start();
    client = await appClient('plain', { TEMPORAL_ADDRESS: cluster.address });
    for (let index = 0; index < 3; index += 1) workers.push(await startWorker());
  }, 120_000);

  afterAll(async () => {
    await client?.connection.close();
    await Promise.all(workers.map((worker) => worker.stop()));
    await cluster?.stop();
  });

  it('replaces each worker in turn (SIGTERM, wait, start the next) and loses no workflow', async () => {
    const started = Date.now();
    const load = startGreetings(client, 'greetings', WORKFLOWS, 'rolling');
    const stopped: AppRun[] = [];
    for (let index = 0; index < workers.length; index += 1) {
      const old = workers[index];
      old.child.kill('SIGTERM');
      expect(await old.exited).toBe(0);
      stopped.push(old);
      workers[index] = await startWorker();
    }
    const result = await tally(await load);
    expect([...result.failed, ...result.wrong]).toEqual([]);
    expect(result.completed).toBe(WORKFLOWS);
    stopped.forEach((worker) => expect(worker.output()).toMatch(/Worker stopped\./));
    console.log(`rolling restart: ${WORKFLOWS} workflows, 3 workers replaced, 0 failed, ${Date.now() - started} ms`);
  }, 180_000);
});
