/**
 * Runs 1,000 workflows through SIGKILLs of the server: CPU-heavy, so it takes turns with the other CPU-heavy specs (support/worker-environment.ts).
 * @e2e-exclusive cpu-load
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '@temporal-samples/tools/apps/app-process';
import { appClient, greetingResults, startGreetings } from '@temporal-samples/tools/apps/greetings';
import type { LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import type { StoreOptions } from '@temporal-samples/tools/cluster/stores/store';
import { startTestCluster } from './support/test-cluster';

const NAMESPACE = 'samples';
const WORKFLOWS = 1000;
const TEST_MS = 600_000;

async function killEveryServerProcess(cluster: LocalCluster): Promise<void> {
  for (const server of cluster.processes) server.child.kill('SIGKILL');
  const codes = await Promise.all(cluster.processes.map((server) => server.exited));
  expect(codes).toEqual(cluster.processes.map(() => null));
  expect(cluster.processes.every((server) => server.child.signalCode === 'SIGKILL')).toBe(true);
}

describe.each<[string, (dir: string) => StoreOptions]>([
  ['a SQLite file', (dir) => ({ kind: 'sqlite', dir })],
  ['PostgreSQL', (dir) => ({ kind: 'postgres', dir })],
])('a cluster on %s', (_label, storeIn) => {
  let dir: string;
  let cluster: LocalCluster | undefined;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'durable-store-'));
  });

  afterAll(async () => {
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    `keeps ${WORKFLOWS} workflows started with no worker through SIGKILL of every server process; after a restart a worker completes each with its result`,
    async () => {
      const store = storeIn(dir);
      const taskQueue = `durability-${Date.now()}`;
      const names = Array.from({ length: WORKFLOWS }, (_, index) => `Ada ${index}`);

      cluster = await startTestCluster([NAMESPACE], { store });
      expect(cluster.namespaces[NAMESPACE]).toBe('created');
      const before = await appClient('plain', { TEMPORAL_ADDRESS: cluster.address, TEMPORAL_TASK_QUEUE: taskQueue });
      const handles = await startGreetings(before.client, taskQueue, names);
      await before.close();

      await killEveryServerProcess(cluster);
      await cluster.stop();

      cluster = await startTestCluster([NAMESPACE], { store });
      expect(cluster.namespaces[NAMESPACE]).toBe('found');
      const env = { TEMPORAL_ADDRESS: cluster.address, TEMPORAL_TASK_QUEUE: taskQueue };
      const after = await appClient('plain', env);
      const worker = startApp('plain', 'worker', { env });
      try {
        await worker.waitFor(/Worker polling/, 120_000);
        const results = await greetingResults(
          after.client,
          handles.map((handle) => handle.workflowId),
        );
        expect(results).toEqual(names.map((name) => `Hello, ${name}!`));
      } finally {
        await worker.stop();
        await after.close();
      }
    },
    TEST_MS,
  );
});
