import { X509Certificate } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { probeTls } from '@temporal-samples/connection/tools';
import { generateCertificates } from '@temporal-samples/tools/certs/generate';
import { CLIENT_CA, certificatePaths, FRONTEND, SERVER_CA } from '@temporal-samples/tools/certs/layout';
import { DEFAULT_SERVER_NAME } from '@temporal-samples/tools/certs/options';
import { requireBinary } from '@temporal-samples/tools/cluster/go-binary';
import { startLocalCluster, type LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import { TEMPORAL_SERVER } from '@temporal-samples/tools/cluster/server-binary';
import { clusterTlsFiles, WEB_UI_CLIENT } from '@temporal-samples/tools/cluster/tls-config';
import { TEMPORAL_UI_SERVER } from '@temporal-samples/tools/cluster/ui-server-binary';
import { listeningSockets } from './support/listening-sockets';
import { TIMEOUTS } from './support/timeouts';

const REFRESH_SECONDS = 2;

/** The serial number of the certificate the frontend presents now, read from a real mTLS handshake. */
async function servedSerial(port: number, certsDir: string): Promise<string> {
  const certs = certificatePaths(certsDir);
  const client = certs.client('local-mtls');
  const outcome = await probeTls({
    host: '127.0.0.1',
    port,
    serverName: DEFAULT_SERVER_NAME,
    ca: readFileSync(certs.serverCa.cert, 'utf8'),
    cert: readFileSync(client.cert, 'utf8'),
    key: readFileSync(client.key, 'utf8'),
  });
  if (outcome.kind !== 'accepted')
    throw new Error(`the frontend did not take the handshake: ${JSON.stringify(outcome)}`);
  return outcome.peer?.serialNumber ?? '';
}

const serialOf = (file: string) => new X509Certificate(readFileSync(file)).serialNumber;

describe('a local mTLS cluster with the Web UI, as `<app>:server` runs it', () => {
  let certsDir: string;
  let cluster: LocalCluster;

  beforeAll(async () => {
    certsDir = mkdtempSync(join(tmpdir(), 'cluster-certs-'));
    await generateCertificates({ outDir: certsDir, clients: [WEB_UI_CLIENT] });
    cluster = await startLocalCluster({
      namespaces: ['samples'],
      binary: requireBinary(TEMPORAL_SERVER),
      tls: { ...clusterTlsFiles(certsDir, DEFAULT_SERVER_NAME), refreshInterval: `${REFRESH_SECONDS}s` },
      webUi: { binary: requireBinary(TEMPORAL_UI_SERVER) },
    });
  }, TIMEOUTS.ready);

  afterAll(async () => {
    await cluster?.stop();
    rmSync(certsDir, { recursive: true, force: true });
  });

  it('listens on loopback only, on the ports it announced and no others (no metrics, no pprof)', () => {
    const pids = [...cluster.processes.map((server) => server.child.pid as number), cluster.webUi?.pid as number];
    const listeners = listeningSockets(pids);
    const announced = new Set([...Object.values(cluster.ports), Number(new URL(cluster.webUi?.url ?? '').port)]);

    expect(listeners.length).toBeGreaterThanOrEqual(5);
    expect(listeners.filter((listener) => listener.host !== '127.0.0.1')).toEqual([]);
    expect(listeners.filter((listener) => !announced.has(listener.port))).toEqual([]);
    const ports = listeners.map((listener) => listener.port);
    for (const service of ['frontend', 'history', 'matching', 'worker'] as const)
      expect(ports).toContain(cluster.ports[service]);
  });

  it(`re-reads its certificates from their files without a restart (refreshInterval ${REFRESH_SECONDS}s)`, async () => {
    const before = await servedSerial(cluster.ports.frontend, certsDir);
    expect(before).toBe(serialOf(join(certsDir, FRONTEND.cert)));

    const renewedDir = mkdtempSync(join(tmpdir(), 'cluster-certs-renewed-'));
    try {
      for (const file of [SERVER_CA.cert, SERVER_CA.key, CLIENT_CA.cert, CLIENT_CA.key])
        copyFileSync(join(certsDir, file), join(renewedDir, file));
      await generateCertificates({ outDir: renewedDir });
      const renewed = serialOf(join(renewedDir, FRONTEND.cert));
      expect(renewed).not.toBe(before);
      for (const file of [FRONTEND.key, FRONTEND.cert]) {
        copyFileSync(join(renewedDir, file), join(certsDir, `${file}.new`));
        renameSync(join(certsDir, `${file}.new`), join(certsDir, file));
      }

      const pid = cluster.processes[0].child.pid;
      const deadline = Date.now() + REFRESH_SECONDS * 1000 + TIMEOUTS.step;
      let served = before;
      while (served !== renewed && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        served = await servedSerial(cluster.ports.frontend, certsDir);
      }
      expect(served).toBe(renewed);
      expect(cluster.processes[0].child.pid).toBe(pid);
      expect(cluster.processes[0].child.exitCode).toBeNull();
    } finally {
      rmSync(renewedDir, { recursive: true, force: true });
    }
  });
});
