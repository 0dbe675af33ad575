/**
 * Runs a load through five server processes on PostgreSQL: CPU-heavy, so it takes turns with the other CPU-heavy specs (support/worker-environment.ts).
 * @e2e-exclusive cpu-load
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type AppRun } from '@temporal-samples/tools/apps/app-process';
import { certificatePaths, certsDir } from '@temporal-samples/tools/certs/layout';
import type { LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import { probeGrpc } from './support/grpc-probe';
import { startTestCluster } from './support/test-cluster';
import { TIMEOUTS } from './support/timeouts';

const NAMESPACE = 'samples';

async function runClient(address: string, name: string): Promise<string> {
  const client = startApp('local-mtls', 'client', { env: { TEMPORAL_ADDRESS: address }, args: [name] });
  expect(await client.exited).toBe(0);
  return client.output();
}

describe('the split topology over mutual TLS: five server processes on PostgreSQL', () => {
  const certs = certificatePaths(certsDir());
  let dir: string;
  let cluster: LocalCluster;
  let worker: AppRun;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'split-store-'));
    cluster = await startTestCluster([NAMESPACE], {
      mtls: true,
      topology: 'split',
      store: { kind: 'postgres', dir },
    });
    worker = startApp('local-mtls', 'worker', { env: { TEMPORAL_ADDRESS: cluster.frontendAddresses[1] } });
    await worker.waitFor(/Worker polling/, TIMEOUTS.ready);
  }, TIMEOUTS.long);

  afterAll(async () => {
    await worker?.stop();
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs each service in its own process, with two frontends on two ports', () => {
    expect(cluster.processes.map((server) => `${server.name}:${server.services.join('+')}`)).toEqual([
      'frontend:frontend',
      'frontend-b:frontend',
      'history:history',
      'matching:matching',
      'worker:worker',
    ]);
    expect(new Set(cluster.processes.map((server) => server.child.pid)).size).toBe(5);
    expect(cluster.frontendAddresses).toHaveLength(2);
    expect(cluster.frontendAddresses[0]).not.toBe(cluster.frontendAddresses[1]);
  });

  it("completes the app's workflows, started through the other frontend than the worker's", async () => {
    expect(await runClient(cluster.frontendAddresses[0], 'Ada')).toMatch(/^Result: Hello, Ada!$/m);
  });

  it.each(['history', 'matching', 'worker'] as const)(
    "the %s service's gRPC port takes only the internode certificate: plaintext, no certificate and the app's are refused",
    async (service) => {
      const address = `127.0.0.1:${cluster.ports[service]}`;
      const internodeName = `internode.${cluster.tls?.serverName}`;
      const probe = (client?: { cert: string; key: string }) =>
        probeGrpc(address, { serverCa: certs.serverCa.cert, serverName: internodeName, client });
      expect(await probeGrpc(address)).toMatch(/^refused/);
      expect(await probe()).toMatch(/^refused/);
      expect(await probe(certs.client('local-mtls'))).toMatch(/^refused/);
      expect(await probe(certs.internode)).toBe('answered');
    },
  );

  it("both frontends refuse plaintext, no certificate and the internode certificate, and take the app's", async () => {
    for (const address of cluster.frontendAddresses) {
      const tls = { serverCa: certs.serverCa.cert, serverName: cluster.tls?.serverName ?? '' };
      expect(await probeGrpc(address)).toMatch(/^refused/);
      expect(await probeGrpc(address, tls)).toMatch(/^refused/);
      expect(await probeGrpc(address, { ...tls, client: certs.internode })).toMatch(/^refused/);
      expect(await probeGrpc(address, { ...tls, client: certs.client('local-mtls') })).toBe('answered');
    }
  });

  it('with one frontend killed, a client on the other one still completes workflows', async () => {
    const first = cluster.processes.find((server) => server.name === 'frontend');
    first?.child.kill('SIGKILL');
    await first?.exited;
    expect(await runClient(cluster.frontendAddresses[1], 'Grace')).toMatch(/^Result: Hello, Grace!$/m);
    const refused = startApp('local-mtls', 'client', { env: { TEMPORAL_ADDRESS: cluster.frontendAddresses[0] } });
    expect(await refused.exited).toBe(1);
  });
});
