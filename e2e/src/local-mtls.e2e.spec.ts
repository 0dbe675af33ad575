import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostAndPort, probeTls } from '@temporal-samples/connection/tools';
import { startApp, type AppRun } from '@temporal-samples/tools/apps/app-process';
import { clientFiles, certsDir, SERVER_CA } from '@temporal-samples/tools/certs/layout';
import {
  generateExpiredClient,
  generateForeignClient,
  generateMismatchedClient,
} from '@temporal-samples/tools/certs/test-material';
import type { LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import { startTestCluster } from './support/test-cluster';

const NAMESPACE = 'samples';
const REFUSED_WITHIN_MS = 15_000;

describe('apps/local-mtls against a real cluster with mutual TLS (frontend and internode)', () => {
  let cluster: LocalCluster;
  let plainCluster: LocalCluster;
  let worker: AppRun;
  let badDir: string;
  const bad: Record<string, { certPath: string; keyPath: string }> = {};
  let foreignCa: string;

  beforeAll(async () => {
    [cluster, plainCluster] = await Promise.all([
      startTestCluster([NAMESPACE], { mtls: true }),
      startTestCluster([NAMESPACE]),
    ]);
    badDir = mkdtempSync(join(tmpdir(), 'bad-certs-'));
    const foreign = await generateForeignClient(badDir, 'foreign');
    bad.foreign = foreign;
    foreignCa = join(badDir, 'foreign-ca.pem');
    writeFileSync(foreignCa, foreign.caPem);
    bad.expired = await generateExpiredClient(certsDir(), badDir, 'expired');
    bad.mismatched = await generateMismatchedClient(certsDir(), badDir, 'mismatched');
    worker = startApp('local-mtls', 'worker', { env: { TEMPORAL_ADDRESS: cluster.address } });
    await worker.waitFor(/Worker polling task queue "greetings"/);
  });

  afterAll(async () => {
    await worker?.stop();
    await Promise.all([cluster?.stop(), plainCluster?.stop()]);
    if (badDir) rmSync(badDir, { recursive: true, force: true });
  });

  it("client completes a workflow with the certificate files its .env names (in the run's certificate folder)", async () => {
    const client = startApp('local-mtls', 'client', { env: { TEMPORAL_ADDRESS: cluster.address }, args: ['mTLS'] });
    expect(await client.exited).toBe(0);
    expect(client.output()).toMatch(/^Result: Hello, mTLS!$/m);
  });

  it('client completes a workflow with the same certificates inline, mangled as env systems mangle PEM', async () => {
    const read = (file: string) => readFileSync(join(certsDir(), file), 'utf8');
    const local = clientFiles('local-mtls');
    const client = startApp('local-mtls', 'client', {
      env: {
        TEMPORAL_ADDRESS: cluster.address,
        TEMPORAL_TLS_CLIENT_CERT_PATH: '',
        TEMPORAL_TLS_CLIENT_KEY_PATH: '',
        TEMPORAL_TLS_SERVER_CA_CERT_PATH: '',
        TEMPORAL_TLS_CLIENT_CERT_DATA: read(local.cert).replace(/\n/g, '\\n'),
        TEMPORAL_TLS_CLIENT_KEY_DATA: read(local.key).replace(/\n/g, '\r\n').replace(/^/gm, '    '),
        TEMPORAL_TLS_SERVER_CA_CERT_DATA: read(SERVER_CA.cert).trim().split('\n').join(' '),
      },
      args: ['inline'],
    });
    expect(await client.exited).toBe(0);
    expect(client.output()).toMatch(/^Result: Hello, inline!$/m);
  });

  const refusals: [string, () => Record<string, string>, RegExp][] = [
    [
      'no client certificate',
      () => ({ TEMPORAL_TLS_CLIENT_CERT_PATH: '', TEMPORAL_TLS_CLIENT_KEY_PATH: '' }),
      /requires a client certificate \(mutual TLS\) and none was given[\s\S]*Fix: set TEMPORAL_TLS_CLIENT_CERT_PATH/,
    ],
    [
      'a client certificate from a CA the cluster does not trust',
      () => ({
        TEMPORAL_TLS_CLIENT_CERT_PATH: bad.foreign.certPath,
        TEMPORAL_TLS_CLIENT_KEY_PATH: bad.foreign.keyPath,
      }),
      /refused the client certificate in TEMPORAL_TLS_CLIENT_CERT_PATH .*not issued by a CA the server accepts[\s\S]*Fix: use a certificate issued by the cluster's client CA/,
    ],
    [
      'an expired client certificate',
      () => ({
        TEMPORAL_TLS_CLIENT_CERT_PATH: bad.expired.certPath,
        TEMPORAL_TLS_CLIENT_KEY_PATH: bad.expired.keyPath,
      }),
      /certificate in TEMPORAL_TLS_CLIENT_CERT_PATH .* is expired[\s\S]*Fix: renew it/,
    ],
    [
      'a key that does not match the certificate',
      () => ({
        TEMPORAL_TLS_CLIENT_CERT_PATH: bad.mismatched.certPath,
        TEMPORAL_TLS_CLIENT_KEY_PATH: bad.mismatched.keyPath,
      }),
      /private key in TEMPORAL_TLS_CLIENT_KEY_PATH .* does not belong to the certificate[\s\S]*Fix: use the key that was generated with that certificate/,
    ],
    [
      'a wrong server name (spoofing protection)',
      () => ({ TEMPORAL_TLS_SERVER_NAME: 'evil.example' }),
      /certificate is not valid for "evil\.example".*it names localhost, temporal\.local[\s\S]*impostor[\s\S]*Fix: /,
    ],
    [
      'host verification switched off (TEMPORAL_TLS_DISABLE_HOST_VERIFICATION=true)',
      () => ({ TEMPORAL_TLS_DISABLE_HOST_VERIFICATION: 'true' }),
      /TEMPORAL_TLS_DISABLE_HOST_VERIFICATION .*asks to skip the server certificate host check[\s\S]*Fix: remove it/,
    ],
    [
      "no server CA (the system's CAs do not know the cluster's)",
      () => ({ TEMPORAL_TLS_SERVER_CA_CERT_PATH: '' }),
      /The server's certificate is not trusted: .*this client trusts the system's trusted CAs[\s\S]*Fix: set TEMPORAL_TLS_SERVER_CA_CERT_PATH/,
    ],
    [
      'a wrong server CA',
      () => ({ TEMPORAL_TLS_SERVER_CA_CERT_PATH: foreignCa }),
      /The server's certificate is not trusted: .*this client trusts the CA in .*TEMPORAL_TLS_SERVER_CA_CERT_PATH[\s\S]*Fix: set TEMPORAL_TLS_SERVER_CA_CERT_PATH/,
    ],
    [
      'a plaintext client on the TLS port',
      () => ({ TEMPORAL_TLS: 'false' }),
      /speaks TLS, but this profile connects in plaintext[\s\S]*Fix: turn TLS on/,
    ],
    [
      'a TLS client on a plaintext port',
      () => ({ TEMPORAL_ADDRESS: plainCluster.address }),
      /does not speak TLS, but this profile turns TLS on[\s\S]*Fix: use the server's TLS port/,
    ],
    [
      'an unknown namespace',
      () => ({ TEMPORAL_NAMESPACE: 'no-such-namespace' }),
      /Namespace "no-such-namespace" does not exist[\s\S]*Fix: register it/,
    ],
  ];

  describe.each(['client', 'worker'] as const)('%s refuses', (entry) => {
    it.each(refusals)('%s, exiting non-zero within 15 s with the cause and the fix', async (_case, env, message) => {
      const started = Date.now();
      const app = startApp('local-mtls', entry, { env: { TEMPORAL_ADDRESS: cluster.address, ...env() } });
      const exitCode = await Promise.race([
        app.exited,
        new Promise((resolve) => setTimeout(resolve, REFUSED_WITHIN_MS, 'still running')),
      ]);
      if (exitCode === 'still running') await app.stop('SIGKILL');
      expect(exitCode).toBe(1);
      expect(Date.now() - started).toBeLessThan(REFUSED_WITHIN_MS);
      expect(app.output()).toMatch(message);
      expect(app.output()).not.toMatch(/BEGIN PRIVATE KEY/);
      expect(app.output().trimEnd()).toMatch(/Diagnose: npx nx run local-mtls:doctor$/);
    });
  });

  it('the cluster itself refuses an expired client certificate (not only the local check)', async () => {
    const { host, port } = hostAndPort(cluster.address);
    const outcome = await probeTls({
      host,
      port,
      serverName: 'temporal.local',
      ca: readFileSync(join(certsDir(), SERVER_CA.cert), 'utf8'),
      cert: readFileSync(bad.expired.certPath, 'utf8'),
      key: readFileSync(bad.expired.keyPath, 'utf8'),
    });
    expect(outcome).toMatchObject({ kind: 'error', code: 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED' });
  });
});
