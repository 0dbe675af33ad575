import { randomBytes } from 'node:crypto';
import { startApp } from '@temporal-samples/tools/apps/app-process';
import type { LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import { freePort } from '@temporal-samples/tools/cluster/ports';
import { startOtlpReceiver, type OtlpReceiver, type OtlpSpan } from './support/otlp-receiver';
import { parsePrometheusText, total } from './support/prometheus-text';
import { startTestCluster } from './support/test-cluster';
import { appClient, startGreetings, tally } from './support/workload';

const NAMESPACE = 'samples';
const WORKFLOWS = 20;

const jsonLines = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        return { unparsed: line };
      }
    });

/** The worker's spans of one workflow: its run, the activity it schedules and the activity's run. */
function chain(spans: OtlpSpan[], traceId: string) {
  const inTrace = spans.filter((span) => span.traceId === traceId);
  const named = (name: string) => inTrace.find((span) => span.name === name);
  return {
    run: named('RunWorkflow:greet'),
    schedule: named('StartActivity:composeGreeting'),
    activity: named('RunActivity:composeGreeting'),
  };
}

describe("the worker's metrics, logs and traces (apps/plain against a real local Temporal server)", () => {
  let cluster: LocalCluster;
  let receiver: OtlpReceiver;

  beforeAll(async () => {
    [cluster, receiver] = await Promise.all([startTestCluster([NAMESPACE]), startOtlpReceiver()]);
  });

  afterAll(async () => {
    await receiver?.close();
    await cluster?.stop();
  });

  it(`after ${WORKFLOWS} workflows /metrics counts them; every log line is JSON; no secret of the profile is printed`, async () => {
    const taskQueue = `observed-${Date.now()}`;
    const metricsAddress = `127.0.0.1:${await freePort()}`;
    const apiKey = `sk-e2e-${randomBytes(24).toString('hex')}`;
    const codecKey = randomBytes(32).toString('base64');
    const env = {
      TEMPORAL_ADDRESS: cluster.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      TEMPORAL_API_KEY: apiKey,
      TEMPORAL_TLS: 'false',
      PAYLOAD_CODEC_KEYS: `k1=${codecKey}`,
      WORKER_METRICS_ADDRESS: metricsAddress,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'DEBUG',
    };
    const worker = startApp('plain', 'worker', { env });
    await worker.waitFor(/Worker polling task queue/);
    const client = await appClient('plain', env);
    try {
      const load = await startGreetings(client, taskQueue, WORKFLOWS, 'observed');
      expect(await tally(load)).toEqual({ completed: WORKFLOWS, wrong: [], failed: [] });
    } finally {
      await client.connection.close();
    }

    const response = await fetch(`http://${metricsAddress}/metrics`);
    expect(response.status).toBe(200);
    const samples = parsePrometheusText(await response.text());
    const ours = { task_queue: taskQueue, namespace: NAMESPACE };
    expect(total(samples, 'temporal_workflow_completed', { ...ours, workflow_type: 'greet' })).toBe(WORKFLOWS);
    expect(
      total(samples, 'temporal_activity_execution_latency_count', { ...ours, activity_type: 'composeGreeting' }),
    ).toBe(WORKFLOWS);
    // Each greet takes two workflow tasks (start, then the activity's result); a retried task only adds polls.
    expect(total(samples, 'temporal_workflow_task_queue_poll_succeed', ours)).toBeGreaterThanOrEqual(2 * WORKFLOWS);
    expect(total(samples, 'temporal_num_pollers', { ...ours, poller_type: 'workflow_task' })).toBeGreaterThan(0);

    expect(await worker.stop('SIGTERM')).toBe(0);
    const lines = jsonLines(worker.output());
    expect(lines.filter((line) => 'unparsed' in line)).toEqual([]);
    for (const line of lines) {
      expect(Object.keys(line).slice(0, 3)).toEqual(['timestamp', 'level', 'message']);
      expect(Number.isNaN(Date.parse(String(line.timestamp)))).toBe(false);
    }
    const completions = lines.filter((line) => line.message === 'Workflow completed' && line.taskQueue === taskQueue);
    expect(new Set(completions.map((line) => line.workflowId)).size).toBe(WORKFLOWS);
    expect(lines.some((line) => line.message === 'Activity completed' && line.activityType === 'composeGreeting')).toBe(
      true,
    );
    expect(lines.at(-1)?.message).toBe('Worker stopped.');

    const output = worker.output();
    const keyBytes = Buffer.from(codecKey, 'base64');
    for (const secret of [apiKey, codecKey, keyBytes.toString('hex'), keyBytes.toString('base64url')]) {
      expect(output.includes(secret)).toBe(false);
    }
  });

  it('with LOG_FORMAT=json a worker that cannot start prints one JSON error line with the problem and the fix, and exits 1', async () => {
    const closed = `127.0.0.1:${await freePort()}`;
    const worker = startApp('plain', 'worker', { env: { TEMPORAL_ADDRESS: closed, LOG_FORMAT: 'json' } });
    expect(await worker.exited).toBe(1);
    const lines = jsonLines(worker.output());
    expect(lines).toEqual([
      {
        timestamp: expect.any(String),
        level: 'ERROR',
        message: `Could not reach a Temporal server at ${closed}: connection refused (nothing listens on that port).`,
        fix: expect.stringMatching(/^check that the server is running/),
        diagnose: 'npx nx run plain:doctor',
      },
    ]);
  });

  it("traces reach an OTLP/HTTP receiver: the app client's start, the workflow run, its activity schedule and the activity share a trace, linked parent to child", async () => {
    const taskQueue = `traced-${Date.now()}`;
    const env = { TEMPORAL_ADDRESS: cluster.address, TEMPORAL_TASK_QUEUE: taskQueue };
    const traced = { ...env, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_SERVICE_NAME: 'observed-worker' };
    const worker = startApp('plain', 'worker', { env: traced });
    await worker.waitFor(/Worker polling task queue/);
    const appClientRun = startApp('plain', 'client', {
      env: { ...traced, OTEL_SERVICE_NAME: 'observed-client' },
      args: ['Tracy'],
    });
    expect(await appClientRun.exited).toBe(0);
    expect(appClientRun.output()).toMatch(/^Result: Hello, Tracy!$/m);
    const client = await appClient('plain', env);
    try {
      const load = await startGreetings(client, taskQueue, 2, 'traced');
      expect(await tally(load)).toEqual({ completed: 2, wrong: [], failed: [] });
    } finally {
      await client.connection.close();
    }
    expect(await worker.stop('SIGTERM')).toBe(0);

    const spans = receiver.spans();
    expect(receiver.serviceNames()).toEqual(new Set(['observed-worker', 'observed-client']));
    const runs = spans.filter((span) => span.name === 'RunWorkflow:greet');
    expect(runs).toHaveLength(3);
    for (const { traceId } of runs) {
      const { run, schedule, activity } = chain(spans, traceId);
      expect(run?.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(schedule?.parentSpanId).toBe(run?.spanId);
      expect(activity?.parentSpanId).toBe(schedule?.spanId);
    }
    const starts = spans.filter((span) => span.name === 'StartWorkflow:greet');
    expect(starts).toHaveLength(1);
    const startedRun = runs.find((run) => run.traceId === starts[0].traceId);
    expect(startedRun?.parentSpanId).toBe(starts[0].spanId);
    expect(receiver.requests().get('/v1/metrics') ?? 0).toBeGreaterThan(0);
  });
});
