import { startApp, type AppRun } from '@temporal-samples/tools/apps/app-process';
import { startLocalCluster, type LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import { requireBinary } from '@temporal-samples/tools/cluster/go-binary';
import { freePort, freePorts, type ServerPorts } from '@temporal-samples/tools/cluster/ports';
import { TEMPORAL_SERVER } from '@temporal-samples/tools/cluster/server-binary';
import { appClient, probe, waitForStatus } from './support/workload';

const NAMESPACE = 'samples';

/** Readiness timings, printed for the operations guide. */
const timings: Record<string, number> = {};

describe('worker and starter /livez and /readyz against a cluster that goes away and returns', () => {
  let ports: ServerPorts;
  let cluster: LocalCluster | undefined;
  let worker: AppRun;
  let starter: AppRun;
  let workerHealth: string;
  let starterHealth: string;
  const start = () => startLocalCluster({ namespaces: [NAMESPACE], binary: requireBinary(TEMPORAL_SERVER), ports });

  beforeAll(async () => {
    ports = await freePorts();
    cluster = await start();
    workerHealth = `127.0.0.1:${await freePort()}`;
    starterHealth = `127.0.0.1:${await freePort()}`;
    worker = startApp('plain', 'worker', {
      env: { TEMPORAL_ADDRESS: cluster.address, WORKER_HEALTH_ADDRESS: workerHealth },
    });
    starter = startApp('plain', 'starter', {
      env: {
        TEMPORAL_ADDRESS: cluster.address,
        STARTER_PORT: String(await freePort()),
        STARTER_HEALTH_ADDRESS: starterHealth,
      },
    });
    await worker.waitFor(/Worker polling task queue/);
    await starter.waitFor(/Starter listening on/);
  });

  afterAll(async () => {
    await worker?.stop();
    await starter?.stop();
    await cluster?.stop();
    console.log(`readiness timings (ms): ${JSON.stringify(timings)}`);
  });

  it('answers 200 on both while the worker runs and the cluster answers', async () => {
    timings.workerReady = await waitForStatus(`http://${workerHealth}/readyz`, 200, 15_000);
    expect((await probe(`http://${workerHealth}/readyz`)).body).toEqual({
      status: 'ready',
      reason: 'worker running; cluster answered',
    });
    await waitForStatus(`http://${starterHealth}/readyz`, 200, 15_000);
    expect((await probe(`http://${workerHealth}/livez`)).status).toBe(200);
    expect((await probe(`http://${workerHealth}/nope`)).status).toBe(404);
  });

  it('turns 503 within 15 s of the cluster going away, with the reason; /livez stays 200', async () => {
    await cluster?.stop();
    cluster = undefined;
    timings.workerNotReadyAfterClusterStop = await waitForStatus(`http://${workerHealth}/readyz`, 503, 15_000);
    timings.starterNotReadyAfterClusterStop = await waitForStatus(`http://${starterHealth}/readyz`, 503, 15_000);
    const readyz = await probe(`http://${workerHealth}/readyz`);
    expect(readyz.body.status).toBe('not ready');
    expect(readyz.body.reason).toMatch(/cluster did not answer through the worker's connection/);
    expect((await probe(`http://${workerHealth}/livez`)).status).toBe(200);
    expect((await probe(`http://${starterHealth}/livez`)).status).toBe(200);
  });

  it('is 200 again within 30 s of the cluster returning on the same ports, and the worker completes a workflow', async () => {
    const restarted = Date.now();
    cluster = await start();
    timings.clusterRestart = Date.now() - restarted;
    timings.workerReadyAfterClusterReturn = await waitForStatus(`http://${workerHealth}/readyz`, 200, 30_000);
    timings.starterReadyAfterClusterReturn = await waitForStatus(`http://${starterHealth}/readyz`, 200, 30_000);
    const client = await appClient('plain', { TEMPORAL_ADDRESS: cluster.address });
    try {
      const result = await client.workflow.execute('greet', {
        taskQueue: 'greetings',
        workflowId: `health-${Date.now()}`,
        args: ['Back'],
      });
      expect(result).toBe('Hello, Back!');
    } finally {
      await client.connection.close();
    }
  });

  it('never answers 200 after SIGTERM: 503 with the reason while the worker drains, then it closes; the worker exits 0', async () => {
    const signalled = Date.now();
    worker.child.kill('SIGTERM');
    // An idle worker drains in milliseconds and may close the endpoint before the first probe lands.
    const answers: Awaited<ReturnType<typeof probe>>[] = [];
    for (let answer = await probe(`http://${workerHealth}/readyz`); answer.status !== 0;) {
      answers.push(answer);
      if (Date.now() - signalled > 5_000) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
      answer = await probe(`http://${workerHealth}/readyz`);
    }
    timings.workerClosedAfterSigterm = Date.now() - signalled;
    // The first probe may be served before the worker's signal handler runs.
    const afterTheFirst = answers.slice(1);
    expect(afterTheFirst.filter(({ status }) => status !== 503)).toEqual([]);
    for (const { body } of afterTheFirst) {
      expect(body).toEqual({ status: 'not ready', reason: 'shutting down (SIGTERM)' });
    }
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toMatch(/Worker stopped\./);
    expect(timings.workerClosedAfterSigterm).toBeLessThan(5_000);
    starter.child.kill('SIGTERM');
    expect(await starter.exited).toBe(0);
    expect(starter.output()).toMatch(/Starter stopped\./);
  });
});
