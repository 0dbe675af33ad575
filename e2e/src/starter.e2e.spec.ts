import { startApp, type AppRun } from '@temporal-samples/tools/apps/app-process';
import type { LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import { TARGET_CLUSTERS, type DeploymentTarget } from './support/target-clusters';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(Object.keys(TARGET_CLUSTERS) as DeploymentTarget[])('the HTTP starter of apps/%s', (app) => {
  let cluster: LocalCluster;
  let worker: AppRun;
  let starter: AppRun;
  let url: string;

  beforeAll(async () => {
    cluster = await TARGET_CLUSTERS[app].start();
    const env = TARGET_CLUSTERS[app].env(cluster);
    worker = startApp(app, 'worker', { env });
    await worker.waitFor(/Worker polling/);
    starter = startApp(app, 'starter', { env: { ...env, STARTER_PORT: '0' } });
    url = (await starter.waitFor(/^Starter listening on /)).split(' ')[3].replace(/:$/, '');
  });

  afterAll(async () => {
    await starter?.stop('SIGTERM');
    await worker?.stop();
    await cluster?.stop();
  });

  const post = (body: string) =>
    fetch(`${url}/workflows`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

  it('POST /workflows starts the workflow (201 with ids); GET /workflows/:id reports it until its result', async () => {
    const started = await post(JSON.stringify({ name: 'Ada' }));
    expect(started.status).toBe(201);
    const { workflowId, runId } = (await started.json()) as { workflowId: string; runId: string };
    expect(workflowId).toMatch(/^greet-/);
    expect(runId).toBeTruthy();
    let report: Record<string, unknown> = {};
    for (let attempt = 0; attempt < 50 && report.status !== 'COMPLETED'; attempt += 1) {
      const response = await fetch(`${url}/workflows/${workflowId}`);
      expect(response.status).toBe(200);
      report = (await response.json()) as Record<string, unknown>;
      if (report.status !== 'COMPLETED') await sleep(100);
    }
    expect(report).toEqual({ workflowId, runId, status: 'COMPLETED', result: 'Hello, Ada!' });
  });

  it('refuses bad input with 400 and a JSON error', async () => {
    const response = await post(JSON.stringify({ name: '' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'send {"name": "<1 to 100 characters>"}' });
    expect((await post('not json')).status).toBe(400);
  });

  it('answers an unknown workflow with 404, a wrong method with 405 and a huge body with 413', async () => {
    expect((await fetch(`${url}/workflows/no-such-workflow`)).status).toBe(404);
    expect((await fetch(`${url}/workflows/x`, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(`${url}/elsewhere`)).status).toBe(404);
    expect((await post(JSON.stringify({ name: 'x'.repeat(100_000) }))).status).toBe(413);
  });

  it('the starter and the worker stop gracefully on SIGTERM, exit 0', async () => {
    expect(await starter.stop('SIGTERM')).toBe(0);
    expect(starter.output()).toMatch(/^Starter stopped\.$/m);
    expect(await worker.stop('SIGTERM')).toBe(0);
    expect(worker.output()).toMatch(/ \[INFO\] Worker stopped\.$/m);
  });
});
