import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type AppRun } from '@temporal-samples/tools/apps/app-process';
import { CLOUD_LIKE } from '@temporal-samples/tools/cluster/cloud-like';
import type { LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import { mintToken } from '@temporal-samples/tools/tokens/mint-token';
import { loadOrCreateSigningKey } from '@temporal-samples/tools/tokens/signing-key';
import type { Client } from '@temporalio/client';
import { TARGET_CLUSTERS } from './support/target-clusters';
import { TIMEOUTS } from './support/timeouts';
import { appClient, startGreetings, tally, tallyWithin } from './support/workload';

/** Long enough for the worker to start and finish a first batch on a busy machine, short enough to wait out. */
const FIRST_TOKEN_SECONDS = 45;
const TASK_QUEUE = 'api-key-rotation';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('API key rotation from TEMPORAL_API_KEY_FILE on the cloud-like cluster (cloud-mtls worker)', () => {
  let dir: string;
  let cluster: LocalCluster;
  let worker: AppRun;
  let client: Client;
  const figures: Record<string, number> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'api-key-rotation-'));
    cluster = await TARGET_CLUSTERS['cloud-mtls'].start();
    client = await appClient('cloud-mtls', TARGET_CLUSTERS['cloud-mtls'].env(cluster, TASK_QUEUE));
  });

  afterAll(async () => {
    await client?.connection.close();
    await worker?.stop();
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
    console.log(`API key rotation figures: ${JSON.stringify(figures)}`);
  });

  it(
    'keeps completing workflows after the first, short-lived token expires, with the new key from the file',
    async () => {
      const key = loadOrCreateSigningKey(CLOUD_LIKE.certsDir);
      const token = (ttlSeconds: number) =>
        mintToken(key, { namespace: CLOUD_LIKE.namespace, role: 'write', ttlSeconds });
      const keyFile = join(dir, 'api-key');
      const firstToken = token(FIRST_TOKEN_SECONDS);
      writeFileSync(keyFile, `${firstToken}\n`);
      const firstExpires = Date.now() + FIRST_TOKEN_SECONDS * 1000;
      const env = TARGET_CLUSTERS['cloud-mtls'].env(cluster, TASK_QUEUE);
      delete env.TEMPORAL_API_KEY;
      worker = startApp('cloud-mtls', 'worker', { env: { ...env, TEMPORAL_API_KEY_FILE: keyFile } });
      await worker.waitFor(/Worker polling task queue "api-key-rotation"/);
      expect(worker.output()).toContain(`Watching 2 credential file(s) for rotation: `);
      const before = await startGreetings(client, TASK_QUEUE, 20, 'first-key');
      expect((await tally(before)).completed).toBe(20);

      writeFileSync(`${keyFile}.tmp`, `${token(600)}\n`);
      const changed = Date.now();
      renameSync(`${keyFile}.tmp`, keyFile);
      const rotated = await worker.waitFor(
        /API key rotated: the connection sends the key from .*api-key/,
        TIMEOUTS.step,
      );
      figures.fileChangeToRotatedLineMs = Date.now() - changed;
      figures.changeSeenToNewKeyMs = Number(/(\d+) ms after the change was seen/.exec(rotated)?.[1]);
      figures.rotatedBeforeFirstExpiryMs = firstExpires - Date.now();
      expect(figures.rotatedBeforeFirstExpiryMs).toBeGreaterThan(0);

      await sleep(Math.max(0, firstExpires - Date.now()) + 2_000);
      const after = await startGreetings(client, TASK_QUEUE, 100, 'after-first-key-expired');
      const result = await tallyWithin(after, TIMEOUTS.ready, 'after the first token expired');
      figures.workflows = before.handles.length + after.handles.length;
      figures.failedOrWrong = result.failed.length + result.wrong.length;
      expect([...result.failed, ...result.wrong]).toEqual([]);
      expect(result.completed).toBe(100);
      expect(worker.output()).not.toMatch(/PermissionDenied|Request unauthorized|token is expired/i);
      expect(worker.output()).not.toContain(firstToken);
    },
    TIMEOUTS.test,
  );
});
