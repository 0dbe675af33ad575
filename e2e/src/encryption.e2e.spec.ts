import { randomBytes } from 'node:crypto';
import { dataConverter, loadProfile } from '@temporal-samples/connection';
import { connectConnection } from '@temporal-samples/connection/tools';
import type { Payload } from '@temporalio/common';
import type { Connection } from '@temporalio/client';
import { startApp, type AppRun } from '@temporal-samples/tools/apps/app-process';
import type { LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import { appClient, startGreetings } from '@temporal-samples/tools/apps/greetings';
import { startTestCluster } from './support/test-cluster';
import { TIMEOUTS } from './support/timeouts';

const NAMESPACE = 'samples';
const keyFor = (id: string) => `${id}=${randomBytes(32).toString('base64')}`;

interface HistoryPayloads {
  /** Workflow data: inputs, results, activity arguments and results. */
  data: Payload[];
  /** Header fields, which the TypeScript SDK never passes through a codec (trace context, never workflow data). */
  headers: Payload[];
}

/** Every payload object in a history, found by shape: `{ metadata, data }`, header fields apart. */
function payloadsIn(value: unknown, found: HistoryPayloads = { data: [], headers: [] }, inHeader = false) {
  if (!value || typeof value !== 'object' || value instanceof Uint8Array) return found;
  const candidate = value as Payload;
  if (candidate.data instanceof Uint8Array && candidate.metadata && typeof candidate.metadata === 'object')
    (inHeader ? found.headers : found.data).push(candidate);
  else Object.entries(value).forEach(([key, child]) => payloadsIn(child, found, inHeader || key === 'header'));
  return found;
}

const metadataOf = (payload: Payload, name: string) => Buffer.from(payload.metadata?.[name] ?? []).toString();

describe('payload encryption at rest (PAYLOAD_CODEC_KEYS), apps/plain on a real server', () => {
  let cluster: LocalCluster;
  let raw: Connection;
  const v1 = keyFor('v1');
  const v2 = keyFor('v2');

  beforeAll(async () => {
    cluster = await startTestCluster([NAMESPACE]);
    raw = await connectConnection(
      loadProfile({ env: { TEMPORAL_ADDRESS: cluster.address, TEMPORAL_NAMESPACE: NAMESPACE }, useConfigFile: false }),
    );
  });

  afterAll(async () => {
    await raw?.close();
    await cluster?.stop();
  });

  async function runWorkflow(keys: string, name: string): Promise<string> {
    const env = { TEMPORAL_ADDRESS: cluster.address, PAYLOAD_CODEC_KEYS: keys };
    const worker: AppRun = startApp('plain', 'worker', { env });
    try {
      await worker.waitFor(/Worker polling/);
      const keyId = keys.split('=')[0];
      expect(worker.output()).toContain(
        `Payloads encrypted at rest with AES-256-GCM under key "${keyId}", sealed with OpenSSL through the codec's native addon.`,
      );
      const client = startApp('plain', 'client', { env, args: [name] });
      expect(await client.exited).toBe(0);
      expect(client.output()).toMatch(new RegExp(`^Result: Hello, ${name}!$`, 'm'));
      return /Started workflow (\S+) /.exec(client.output())?.[1] ?? '';
    } finally {
      await worker.stop();
    }
  }

  async function historyPayloads(workflowId: string): Promise<Payload[]> {
    return (await allHistoryPayloads(workflowId)).data;
  }

  async function allHistoryPayloads(workflowId: string): Promise<HistoryPayloads> {
    const history = await raw.workflowService.getWorkflowExecutionHistory({
      namespace: NAMESPACE,
      execution: { workflowId },
    });
    return payloadsIn(history.history?.events);
  }

  async function decodedValues(payloads: Payload[], keys: string): Promise<unknown[]> {
    const profile = loadProfile({
      env: { TEMPORAL_ADDRESS: cluster.address, TEMPORAL_NAMESPACE: NAMESPACE, PAYLOAD_CODEC_KEYS: keys },
      useConfigFile: false,
    });
    const [codec] = dataConverter(profile).payloadCodecs ?? [];
    const decoded = await codec.decode(payloads);
    return decoded.map((payload) => JSON.parse(Buffer.from(payload.data ?? []).toString()));
  }

  it('the cluster stores only ciphertext, in the shared layout; with the codec the original values come back', async () => {
    const workflowId = await runWorkflow(v1, 'Ada Secret');
    const { data: payloads, headers } = await allHistoryPayloads(workflowId);
    for (const header of headers) expect(Buffer.from(header.data ?? []).toString('latin1')).not.toMatch(/Ada|Hello/);

    expect(payloads.length).toBeGreaterThanOrEqual(4);
    for (const payload of payloads) {
      expect(Object.keys(payload.metadata ?? {}).sort()).toEqual(['encoding', 'encryption-key-id']);
      expect(metadataOf(payload, 'encoding')).toBe('binary/encrypted');
      expect(metadataOf(payload, 'encryption-key-id')).toBe('v1');
      expect(Buffer.from(payload.data ?? []).toString('latin1')).not.toMatch(/Ada Secret|Hello/);
    }
    const values = await decodedValues(payloads, v1);
    expect(values).toEqual(expect.arrayContaining(['Ada Secret', 'Hello', 'Hello, Ada Secret!']));
  });

  it('after rotation new data uses the new key, and data written with the old key still decodes', async () => {
    const before = await runWorkflow(v1, 'Before');
    const after = await runWorkflow(`${v2},${v1}`, 'After');

    const afterPayloads = await historyPayloads(after);
    expect(afterPayloads.length).toBeGreaterThanOrEqual(4);
    expect(afterPayloads.every((payload) => metadataOf(payload, 'encryption-key-id') === 'v2')).toBe(true);
    const oldValues = await decodedValues(await historyPayloads(before), `${v2},${v1}`);
    expect(oldValues).toContain('Hello, Before!');
  });

  async function workflowTaskFailure(workflowId: string): Promise<string | undefined> {
    const history = await raw.workflowService.getWorkflowExecutionHistory({
      namespace: NAMESPACE,
      execution: { workflowId },
    });
    const failed = history.history?.events?.find((event) => event.workflowTaskFailedEventAttributes);
    return failed?.workflowTaskFailedEventAttributes?.failure?.message ?? undefined;
  }

  it('a worker without the key that wrote a workflow fails its tasks loudly, naming the key id; with the key it completes', async () => {
    const taskQueue = `locked-${Date.now()}`;
    const starter = await appClient('plain', { TEMPORAL_ADDRESS: cluster.address, PAYLOAD_CODEC_KEYS: v1 });
    try {
      const [handle] = await startGreetings(starter.client, taskQueue, ['Locked']);
      const env = { TEMPORAL_ADDRESS: cluster.address, TEMPORAL_TASK_QUEUE: taskQueue };
      const keyless = startApp('plain', 'worker', { env: { ...env, PAYLOAD_CODEC_KEYS: v2 } });
      let failure: string | undefined;
      try {
        await keyless.waitFor(/Worker polling/);
        const deadline = Date.now() + TIMEOUTS.step;
        while (!(failure = await workflowTaskFailure(handle.workflowId)) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      } finally {
        expect(await keyless.stop()).toBe(0);
      }
      expect(failure).toMatch(/encrypted with key "v1", which is not among the loaded keys \(v2\)/);
      expect((await handle.describe()).status.name).toBe('RUNNING');

      const keyed = startApp('plain', 'worker', { env: { ...env, PAYLOAD_CODEC_KEYS: `${v1},${v2}` } });
      try {
        expect(await handle.result()).toBe('Hello, Locked!');
      } finally {
        await keyed.stop();
      }
    } finally {
      await starter.close();
    }
  });
});
