/**
 * Runs 1,000 workflows through a certificate rotation: CPU-heavy, so it takes turns with the other CPU-heavy specs (support/worker-environment.ts).
 * @e2e-exclusive cpu-load
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type AppRun } from '@temporal-samples/tools/apps/app-process';
import { generateCertificates } from '@temporal-samples/tools/certs/generate';
import { certsDir } from '@temporal-samples/tools/certs/layout';
import { DEFAULT_SERVER_NAME } from '@temporal-samples/tools/certs/options';
import {
  generateExpiredClient,
  generateForeignClient,
  generateMismatchedClient,
  type TestClient,
} from '@temporal-samples/tools/certs/test-material';
import { requireBinary } from '@temporal-samples/tools/cluster/go-binary';
import { startLocalCluster, type LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import { TEMPORAL_SERVER } from '@temporal-samples/tools/cluster/server-binary';
import { clusterTlsFiles } from '@temporal-samples/tools/cluster/tls-config';
import type { Client } from '@temporalio/client';
import { RotatingSecretVolume } from './support/rotating-secret-volume';
import { TIMEOUTS } from './support/timeouts';
import { appClient, startGreetings, tallyWithin, type Tally } from './support/workload';

const TASK_QUEUE = 'greetings';
const WORKFLOWS = 1_000;
/** Started only once every connection from before the old CA was dropped is closed: they can complete only through the new certificate. */
const AFTER_DROP = 200;
/** The server re-reads its certificate and CA files this often. */
const TLS_REFRESH_S = 2;
/** The server asks clients to leave connections this old, so they handshake again against the CAs it trusts now. */
const MAX_CONNECTION_AGE_S = 8;
/** Long polls end within LONG_POLL_S, so none is still running when an old connection's grace ends. */
const LONG_POLL_S = 5;
const MAX_CONNECTION_AGE_GRACE_S = 3 * LONG_POLL_S;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pem = (client: TestClient) => ({ 'tls.crt': client.certPem, 'tls.key': client.keyPem });

/** Replaces a file by rename, so the server reads the old or the new content, never half of it. */
function replaceFile(path: string, content: string): void {
  writeFileSync(`${path}.tmp`, content);
  renameSync(`${path}.tmp`, path);
}

function expectAllRight(result: Tally, count: number): void {
  expect([...result.failed, ...result.wrong]).toEqual([]);
  expect(result.completed).toBe(count);
}

describe('client certificate rotation under load on the mTLS cluster (local-mtls worker)', () => {
  let dir: string;
  let oldCa: TestClient & { caPem: string };
  let newCa: TestClient & { caPem: string };
  let oldCaFile: string;
  let cluster: LocalCluster;
  let volume: RotatingSecretVolume;
  let worker: AppRun;
  let client: Client;
  const figures: Record<string, number> = {};

  let refusal = '';
  /** True when the cluster refuses a client presenting the certificate from the old CA. */
  const oldCertificateRefused = async () => {
    const env = {
      TEMPORAL_ADDRESS: cluster.address,
      TEMPORAL_TLS_CLIENT_CERT_PATH: oldCa.certPath,
      TEMPORAL_TLS_CLIENT_KEY_PATH: oldCa.keyPath,
    };
    try {
      const probe = await appClient('local-mtls', env);
      await probe.workflowService.getSystemInfo({});
      await probe.connection.close();
      return false;
    } catch (error) {
      refusal = (error as Error).message;
      return true;
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cert-rotation-'));
    await generateCertificates({ outDir: certsDir() });
    oldCa = await generateForeignClient(join(dir, 'old'), 'rotating-worker');
    newCa = await generateForeignClient(join(dir, 'new'), 'rotating-worker');
    oldCaFile = join(dir, 'old-client-ca.pem');
    const newCaFile = join(dir, 'new-client-ca.pem');
    writeFileSync(oldCaFile, oldCa.caPem);
    writeFileSync(newCaFile, newCa.caPem);
    cluster = await startLocalCluster({
      namespaces: ['samples'],
      binary: requireBinary(TEMPORAL_SERVER),
      tls: {
        ...clusterTlsFiles(certsDir(), DEFAULT_SERVER_NAME),
        extraClientCas: [oldCaFile, newCaFile],
        refreshInterval: `${TLS_REFRESH_S}s`,
      },
      dynamicConfig: {
        'frontend.keepAliveMaxConnectionAge': [{ value: `${MAX_CONNECTION_AGE_S}s` }],
        'frontend.keepAliveMaxConnectionAgeGrace': [{ value: `${MAX_CONNECTION_AGE_GRACE_S}s` }],
        'matching.longPollExpirationInterval': [{ value: `${LONG_POLL_S}s` }],
        'history.longPollExpirationInterval': [{ value: `${LONG_POLL_S}s` }],
      },
    });
    volume = new RotatingSecretVolume(join(dir, 'worker-tls'));
    volume.replace(pem(oldCa));
    worker = startApp('local-mtls', 'worker', {
      env: {
        TEMPORAL_ADDRESS: cluster.address,
        TEMPORAL_TLS_CLIENT_CERT_PATH: volume.path('tls.crt'),
        TEMPORAL_TLS_CLIENT_KEY_PATH: volume.path('tls.key'),
      },
    });
    await worker.waitFor(/Worker polling task queue/);
    client = await appClient('local-mtls', { TEMPORAL_ADDRESS: cluster.address });
  });

  afterAll(async () => {
    await client?.connection.close();
    await worker?.stop();
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
    console.log(`certificate rotation figures: ${JSON.stringify(figures)}`);
  });

  it(
    'swaps in a certificate from the new CA mid-run; once the cluster drops the old CA, every workflow completes',
    async () => {
      const started = Date.now();
      const before = WORKFLOWS - AFTER_DROP;
      const load = await startGreetings(client, TASK_QUEUE, before, 'rotation');
      figures.startedAllMs = Date.now() - started;
      const progress = { settled: 0 };
      const tallying = tallyWithin(load, TIMEOUTS.long - TIMEOUTS.step, 'certificate rotation', progress);
      while (progress.settled < before / 10) await sleep(100);

      figures.settledAtSwap = progress.settled;
      const changed = Date.now();
      volume.replace(pem(newCa));
      const rotated = await worker.waitFor(
        /Credentials rotated: a new connection is in use \(client certificate .*rotating-worker.*\), \d+ ms after the change was seen/,
        TIMEOUTS.step,
      );
      figures.fileChangeToRotatedLineMs = Date.now() - changed;
      figures.changeSeenToNewConnectionMs = Number(/(\d+) ms after the change was seen/.exec(rotated)?.[1]);
      expect(worker.output()).toContain(`Watching 3 credential file(s) for rotation: ${volume.path('tls.crt')}`);

      replaceFile(oldCaFile, newCa.caPem);
      const dropped = Date.now();
      while (!(await oldCertificateRefused())) {
        expect(Date.now() - dropped).toBeLessThan(TIMEOUTS.step);
        await sleep(500);
      }
      figures.oldCaRefusedAfterMs = Date.now() - dropped;
      expect(refusal).toMatch(/The server refused the client certificate .* not issued by a CA the server accepts/);

      // Every connection opened while the old CA was trusted is closed by now, the worker's included:
      // what completes from here on went through a handshake with the new CA's certificate.
      await sleep((MAX_CONNECTION_AGE_S * 1.1 + MAX_CONNECTION_AGE_GRACE_S + 1) * 1000);
      figures.settledWhenOldConnectionsClosed = progress.settled;
      const afterDrop = await startGreetings(client, TASK_QUEUE, AFTER_DROP, 'rotation-after-drop');
      const lateResult = await tallyWithin(afterDrop, TIMEOUTS.ready, 'workflows started after the old CA was dropped');
      const result = await tallying;
      figures.workflows = WORKFLOWS;
      figures.completed = result.completed + lateResult.completed;
      figures.failedOrWrong =
        result.failed.length + result.wrong.length + lateResult.failed.length + lateResult.wrong.length;
      figures.totalMs = Date.now() - started;
      expectAllRight(result, before);
      expectAllRight(lateResult, AFTER_DROP);
      expect(worker.output().match(/Credentials rotated/g)).toHaveLength(1);
    },
    TIMEOUTS.long,
  );

  it(
    'refuses a mismatched key, an expired certificate and garbage, naming the file and cause, and keeps completing workflows',
    async () => {
      const bad = join(dir, 'bad');
      const mismatched = await generateMismatchedClient(certsDir(), bad, 'mismatched');
      const expired = await generateExpiredClient(certsDir(), bad, 'expired');
      const before = await startGreetings(client, TASK_QUEUE, 50, 'invalid-material');
      const keeps =
        /Meanwhile the current connection stays in use; its client certificate \(.*rotating-worker.*\) is valid until \S+, [\d.]+ days from now\./;

      volume.writeInPlace('tls.key', mismatched.keyPem);
      const keyLine = await worker.waitFor(
        /Refused the new credentials in .*tls\.key: The private key in .* does not belong/,
      );
      expect(keyLine).toContain(volume.path('tls.key'));
      expect(keyLine).toMatch(keeps);

      volume.replace(pem(expired));
      const expiredLine = await worker.waitFor(/Refused the new credentials in .*: The certificate in .* is expired/);
      expect(expiredLine).toContain(volume.path('tls.crt'));
      expect(expiredLine).toMatch(keeps);

      volume.writeInPlace('tls.crt', 'garbage\n');
      const garbageLine = await worker.waitFor(
        /Refused the new credentials in .*tls\.crt: .* should hold a PEM CERTIFICATE/,
      );
      expect(garbageLine).toContain(volume.path('tls.crt'));
      expect(garbageLine).toMatch(keeps);
      expect(worker.output()).not.toContain(mismatched.keyPem.split('\n')[1]);
      expect(worker.output()).not.toContain(expired.keyPem.split('\n')[1]);

      const after = await startGreetings(client, TASK_QUEUE, 50, 'after-invalid-material');
      expectAllRight(await tallyWithin(before, TIMEOUTS.ready, 'while invalid material was refused'), 50);
      expectAllRight(await tallyWithin(after, TIMEOUTS.ready, 'after invalid material was refused'), 50);
      expect(worker.output().match(/Credentials rotated/g)).toHaveLength(1);
    },
    TIMEOUTS.long,
  );
});
