import { join } from 'node:path';
import { startApp, type AppRun } from '../apps/app-process';
import { CLOUD_LIKE } from '../cluster/cloud-like';
import type { LocalCluster } from '../cluster/local-cluster';
import { mintToken } from '../tokens/mint-token';
import { loadOrCreateSigningKey } from '../tokens/signing-key';
import { startTestCluster } from '../testing/test-cluster';

type App = 'plain' | 'local-mtls' | 'cloud-mtls';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Target {
  cluster(): Promise<LocalCluster>;
  env(cluster: LocalCluster): Record<string, string>;
}

const TARGETS: Record<App, Target> = {
  plain: { cluster: () => startTestCluster(['samples']), env: (cluster) => ({ TEMPORAL_ADDRESS: cluster.address }) },
  'local-mtls': { cluster: () => startTestCluster(['samples'], { mtls: true }), env: (cluster) => ({ TEMPORAL_ADDRESS: cluster.address }) },
  'cloud-mtls': {
    cluster: () => startTestCluster([CLOUD_LIKE.namespace], { cloudLike: true }),
    env: (cluster) => ({
      TEMPORAL_ADDRESS: cluster.address,
      TEMPORAL_NAMESPACE: CLOUD_LIKE.namespace,
      TEMPORAL_TASK_QUEUE: 'greetings',
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: join(CLOUD_LIKE.certsDir, 'server-ca.pem'),
      TEMPORAL_TLS_SERVER_NAME: CLOUD_LIKE.apiKeyServerName,
      TEMPORAL_API_KEY: mintToken(loadOrCreateSigningKey(CLOUD_LIKE.certsDir), { namespace: CLOUD_LIKE.namespace, role: 'write', ttlSeconds: 600 }),
    }),
  },
};

describe.each(Object.keys(TARGETS) as App[])('the HTTP starter of apps/%s', (app) => {
  let cluster: LocalCluster;
  let worker: AppRun;
  let starter: AppRun;
  let url: string;

  beforeAll(async () => {
    cluster = await TARGETS[app].cluster();
    const env = TARGETS[app].env(cluster);
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

  const post = (body: string) => fetch(`${url}/workflows`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

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

  if (app !== 'plain') return;

  it('answers an unknown workflow with 404, a wrong method with 405 and a huge body with 413', async () => {
    expect((await fetch(`${url}/workflows/no-such-workflow`)).status).toBe(404);
    expect((await fetch(`${url}/workflows/x`, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(`${url}/elsewhere`)).status).toBe(404);
    expect((await post(JSON.stringify({ name: 'x'.repeat(100_000) }))).status).toBe(413);
  });

  it('stops gracefully on SIGTERM', async () => {
    expect(await starter.stop('SIGTERM')).toBe(0);
    expect(starter.output()).toMatch(/^Starter stopped\.$/m);
  });
});
