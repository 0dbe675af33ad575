import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startApp, WORKSPACE_ROOT, type AppRun } from '@temporal-samples/tools/apps/app-process';
import type { LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import { freePort } from '@temporal-samples/tools/cluster/ports';
import { awaitResult, ResultTimeoutError } from '@temporal-samples/connection';
import { appClient } from '@temporal-samples/tools/apps/greetings';
import { startTestCluster } from './support/test-cluster';

const run = promisify(execFile);
const NAMESPACE = 'samples';

describe('apps/plain against a real local Temporal server', () => {
  let cluster: LocalCluster;
  let worker: AppRun;

  beforeAll(async () => {
    cluster = await startTestCluster([NAMESPACE]);
    worker = startApp('plain', 'worker', { env: { TEMPORAL_ADDRESS: cluster.address } });
    await worker.waitFor(/Worker polling task queue "greetings" in namespace "samples"/);
  });

  afterAll(async () => {
    await worker?.stop();
    await cluster?.stop();
  });

  it('client starts the workflow and prints its result, exit 0', async () => {
    const client = startApp('plain', 'client', { env: { TEMPORAL_ADDRESS: cluster.address }, args: ['Ada'] });
    expect(await client.exited).toBe(0);
    expect(client.output()).toMatch(/^Started workflow greet-[\w-]+ on task queue "greetings"\.$/m);
    expect(client.output()).toMatch(/^Result: Hello, Ada!$/m);
  });

  it('a namespace with a stray carriage return (a .env saved on Windows) still connects, with a notice', async () => {
    const env = { TEMPORAL_ADDRESS: ` ${cluster.address}\r`, TEMPORAL_NAMESPACE: `${NAMESPACE}\r` };
    const client = startApp('plain', 'client', { env, args: ['Lin'] });
    expect(await client.exited).toBe(0);
    expect(client.output()).toMatch(/^Result: Hello, Lin!$/m);
    expect(client.output()).toContain('TEMPORAL_NAMESPACE in process environment had a carriage return');
  });

  it('`npx nx run plain:client` works from the repo root as documented', async () => {
    const { stdout } = await run('npx', ['nx', 'run', 'plain:client', '--', 'Grace'], {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env, TEMPORAL_ADDRESS: cluster.address },
    });
    expect(stdout).toMatch(/^Result: Hello, Grace!$/m);
  });

  it('client on a closed port fails within 15 s naming the address and the fix', async () => {
    const closed = `127.0.0.1:${await freePort()}`;
    const started = Date.now();
    const client = startApp('plain', 'client', { env: { TEMPORAL_ADDRESS: closed } });
    expect(await client.exited).toBe(1);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(client.output()).toContain(`Could not reach a Temporal server at ${closed}`);
    expect(client.output()).toContain('Fix: check that the server is running');
    expect(client.output().trimEnd()).toMatch(/Diagnose: npx nx run plain:doctor$/);
  });

  it('client in an unknown namespace is refused with the command that registers it', async () => {
    const client = startApp('plain', 'client', {
      env: { TEMPORAL_ADDRESS: cluster.address, TEMPORAL_NAMESPACE: 'no-such-namespace' },
    });
    expect(await client.exited).toBe(1);
    expect(client.output()).toContain(`Namespace "no-such-namespace" does not exist on ${cluster.address}`);
    expect(client.output()).toContain('npx nx run tools:namespace -- --name no-such-namespace');
  });

  it('a bad profile fails before connecting, naming the variable and where it came from', async () => {
    const client = startApp('plain', 'client', { env: { TEMPORAL_ADDRESS: `http://${cluster.address}` } });
    expect(await client.exited).toBe(1);
    expect(client.output()).toContain('TEMPORAL_ADDRESS (from process environment)');
    expect(client.output()).toContain(`Fix: set TEMPORAL_ADDRESS=${cluster.address}`);
  });

  it('waiting for a result without a worker ends in ResultTimeoutError, naming the workflow and the task queue', async () => {
    const { client, profile, close } = await appClient('plain', {
      TEMPORAL_ADDRESS: cluster.address,
      TEMPORAL_TASK_QUEUE: 'nobody-polls-here',
    });
    try {
      const handle = await client.workflow.start('greet', {
        taskQueue: profile.taskQueue,
        workflowId: `unattended-${Date.now()}`,
        args: ['Ada'],
      });
      const waited = awaitResult(handle, profile, 2_000);
      await expect(waited).rejects.toThrow(ResultTimeoutError);
      await expect(waited).rejects.toThrow(
        `Workflow ${handle.workflowId} did not finish within 2 s; it is still waiting on task queue "nobody-polls-here".`,
      );
      expect((await handle.describe()).status.name).toBe('RUNNING');
      await handle.terminate('test over');
    } finally {
      await close();
    }
  });

  it('worker stops gracefully on SIGTERM with exit 0', async () => {
    const second = startApp('plain', 'worker', { env: { TEMPORAL_ADDRESS: cluster.address } });
    await second.waitFor(/Worker polling/);
    expect(await second.stop('SIGTERM')).toBe(0);
    expect(second.output()).toMatch(/ \[INFO\] Worker stopped\.$/m);
  });
});
