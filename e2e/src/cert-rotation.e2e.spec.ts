import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type AppRun } from '@temporal-samples/tools/apps/app-process';
import { generateCertificates } from '@temporal-samples/tools/certs/generate';
import { DEFAULT_CERTS_DIR } from '@temporal-samples/tools/certs/layout';
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
import { appClient, startGreetings, tally, type Load } from './support/workload';

const TASK_QUEUE = 'greetings';
/** Short so the test is: the server re-reads its CA files this often, and drops connections this old. */
const TLS_REFRESH = '2s';
const MAX_CONNECTION_AGE_S = 8;
const MAX_CONNECTION_AGE_GRACE_S = 4;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pem = (client: TestClient) => ({ 'tls.crt': client.certPem, 'tls.key': client.keyPem });

/** Replaces a file by rename, so readers see the old or the new content, never half of it. */
function replaceFile(path: string, content: string): void {
  writeFileSync(`${path}.tmp`, content);
  renameSync(`${path}.tmp`, path);
}

describe('client certificate rotation under load on the mTLS cluster (local-mtls worker)', () => {
  let dir: string;
  let oldCa: TestClient & { caPem: string };
  let newCa: TestClient & { caPem: string };
  let trustedCas: string;
  let cluster: LocalCluster;
  let volume: RotatingSecretVolume;
  let worker: AppRun;
  let client: Client;
  const loads: Load[] = [];
  const figures: Record<string, number> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cert-rotation-'));
    await generateCertificates({ outDir: DEFAULT_CERTS_DIR });
    oldCa = await generateForeignClient(join(dir, 'old'), 'rotating-worker');
    newCa = await generateForeignClient(join(dir, 'new'), 'rotating-worker');
    trustedCas = join(dir, 'rotating-client-cas.pem');
    writeFileSync(trustedCas, oldCa.caPem + newCa.caPem);
    cluster = await startLocalCluster({
      namespaces: ['samples'],
      binary: requireBinary(TEMPORAL_SERVER),
      tls: {
        ...clusterTlsFiles(DEFAULT_CERTS_DIR, DEFAULT_SERVER_NAME),
        extraClientCas: [trustedCas],
        refreshInterval: TLS_REFRESH,
      },
      dynamicConfig: {
        'frontend.keepAliveMaxConnectionAge': [{ value: `${MAX_CONNECTION_AGE_S}s` }],
        'frontend.keepAliveMaxConnectionAgeGrace': [{ value: `${MAX_CONNECTION_AGE_GRACE_S}s` }],
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
  }, 120_000);

  afterAll(async () => {
    await client?.connection.close();
    await worker?.stop();
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
    console.log(`certificate rotation figures: ${JSON.stringify(figures)}`);
  });

  it('swaps in a certificate from the new CA mid-run, and keeps working once the cluster drops the old CA', async () => {
    loads.push(await startGreetings(client, TASK_QUEUE, 600, 'before-rotation'));
    const changed = Date.now();
    volume.replace(pem(newCa));
    await worker.waitFor(
      /Credentials rotated: a new connection is in use \(client certificate .*rotating-worker/,
      20_000,
    );
    figures.fileChangeToNewConnectionMs = Date.now() - changed;
    loads.push(await startGreetings(client, TASK_QUEUE, 400, 'during-rotation'));

    replaceFile(trustedCas, newCa.caPem);
    const dropped = Date.now();
    const refusedOld = async () => {
      const env = {
        TEMPORAL_ADDRESS: cluster.address,
        TEMPORAL_TLS_CLIENT_CERT_PATH: oldCa.certPath,
        TEMPORAL_TLS_CLIENT_KEY_PATH: oldCa.keyPath,
      };
      try {
        await (await appClient('local-mtls', env)).connection.close();
        return false;
      } catch {
        return true;
      }
    };
    while (!(await refusedOld())) {
      expect(Date.now() - dropped).toBeLessThan(30_000);
      await sleep(500);
    }
    figures.oldCaRefusedAfterMs = Date.now() - dropped;
    // Every connection opened before the drop has now been closed by the server and had to handshake again.
    await sleep((MAX_CONNECTION_AGE_S * 1.1 + MAX_CONNECTION_AGE_GRACE_S + 1) * 1000);
    loads.push(await startGreetings(client, TASK_QUEUE, 100, 'after-old-ca-dropped'));

    const results = await Promise.all(loads.map((load) => tally(load)));
    const total = results.reduce((sum, result) => sum + result.completed, 0);
    figures.workflows = loads.reduce((sum, load) => sum + load.handles.length, 0);
    figures.completed = total;
    figures.failedOrWrong = results.reduce((sum, result) => sum + result.failed.length + result.wrong.length, 0);
    expect(results.flatMap((result) => [...result.failed, ...result.wrong])).toEqual([]);
    expect(total).toBe(1100);
  }, 240_000);

  it('refuses a mismatched key, an expired certificate and garbage, naming the file and cause, and keeps completing workflows', async () => {
    const bad = join(dir, 'bad');
    const mismatched = await generateMismatchedClient(DEFAULT_CERTS_DIR, bad, 'mismatched');
    const expired = await generateExpiredClient(DEFAULT_CERTS_DIR, bad, 'expired');
    const load = await startGreetings(client, TASK_QUEUE, 200, 'invalid-material');
    const keeps =
      /Meanwhile the current connection stays in use; its client certificate \(.*rotating-worker\) is valid until \S+, [\d.]+ days from now\./;

    volume.writeInPlace('tls.key', mismatched.keyPem);
    const keyLine = await worker.waitFor(
      /Refused the new credentials in .*tls\.key: The private key in .* does not belong/,
      20_000,
    );
    expect(keyLine).toContain(volume.path('tls.key'));
    expect(keyLine).toMatch(keeps);

    volume.replace(pem(expired));
    const expiredLine = await worker.waitFor(
      /Refused the new credentials in .*: The certificate in .* is expired/,
      20_000,
    );
    expect(expiredLine).toContain(volume.path('tls.crt'));
    expect(expiredLine).toMatch(keeps);

    volume.writeInPlace('tls.crt', 'garbage\n');
    const garbageLine = await worker.waitFor(
      /Refused the new credentials in .*tls\.crt: .* should hold a PEM CERTIFICATE/,
      20_000,
    );
    expect(garbageLine).toMatch(keeps);
    expect(worker.output()).not.toContain(mismatched.keyPem.split('\n')[1]);

    const result = await tally(load);
    expect([...result.failed, ...result.wrong]).toEqual([]);
    expect(result.completed).toBe(200);
    expect(readFileSync(volume.path('tls.crt'), 'utf8')).toBe('garbage\n');
    expect(worker.output().match(/Credentials rotated/g)).toHaveLength(1);
  }, 120_000);
});
