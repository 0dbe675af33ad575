/**
 * Runs 1,000 workflows through a secret rotation in a Secrets Manager emulator: CPU-heavy, so it takes turns with the other CPU-heavy specs (support/worker-environment.ts).
 * @e2e-exclusive cpu-load
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appDir, startApp, startScript, WORKSPACE_ROOT } from '@temporal-samples/tools/apps/app-process';
import { generateCertificates } from '@temporal-samples/tools/certs/generate';
import { certsDir, SERVER_CA } from '@temporal-samples/tools/certs/layout';
import { DEFAULT_SERVER_NAME } from '@temporal-samples/tools/certs/options';
import { generateForeignClient, type TestClient } from '@temporal-samples/tools/certs/test-material';
import { requireBinary } from '@temporal-samples/tools/cluster/go-binary';
import { startLocalCluster, type LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import { freePort } from '@temporal-samples/tools/cluster/ports';
import { TEMPORAL_SERVER } from '@temporal-samples/tools/cluster/server-binary';
import { clusterTlsFiles, WEB_UI_CLIENT } from '@temporal-samples/tools/cluster/tls-config';
import type { Client } from '@temporalio/client';
import { startSecretsManager, type SecretsManagerEmulator } from './support/secrets-manager';
import { TIMEOUTS } from './support/timeouts';
import { appClient, startGreetings, tally } from './support/workload';

const NAMESPACE = 'samples';
const TASK_QUEUE = 'greetings';
const REFUSED_WITHIN_MS = 15_000;

const CLIENT_SECRET = 'temporal/local-mtls/client';
const CA_SECRET = 'temporal/server-ca';
const CODEC_SECRET = 'temporal/codec-keys';
const DOCTOR = join(WORKSPACE_ROOT, 'tools', 'dist', 'doctor', 'cli.js');

function within<T>(pending: Promise<T>, ms: number, explain: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(explain())), ms)));
  return Promise.race([pending, late]).finally(() => clearTimeout(timer));
}

const clientSecret = (client: TestClient) => JSON.stringify({ cert: client.certPem, key: client.keyPem });
/** PEM text itself: a header followed by base64 (a message may name the header it expected). */
const PEM_TEXT = /-----BEGIN [A-Z ]+-----\s*[A-Za-z0-9+/]{16}/;

describe('credentials from AWS Secrets Manager (moto on loopback), rotated live', () => {
  let secrets: SecretsManagerEmulator;
  let cluster: LocalCluster;
  let dir: string;
  let oldClient: TestClient & { caPem: string };
  let newClient: TestClient & { caPem: string };
  let oldCaFile: string;

  /** The local-mtls app with every credential from a secret: the .env's certificate paths blanked. */
  const appEnv = (overrides: Record<string, string> = {}) => ({
    TEMPORAL_ADDRESS: cluster.address,
    TEMPORAL_TLS_CLIENT_CERT_PATH: '',
    TEMPORAL_TLS_CLIENT_KEY_PATH: '',
    TEMPORAL_TLS_SERVER_CA_CERT_PATH: '',
    TEMPORAL_TLS_CLIENT_CERT_SECRET: `${CLIENT_SECRET}#cert`,
    TEMPORAL_TLS_CLIENT_KEY_SECRET: `${CLIENT_SECRET}#key`,
    TEMPORAL_TLS_SERVER_CA_CERT_SECRET: CA_SECRET,
    PAYLOAD_CODEC_KEYS_SECRET: CODEC_SECRET,
    SECRETS_POLL_INTERVAL: '1s',
    ...secrets.awsEnv('reader'),
    ...overrides,
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'secrets-'));
    await generateCertificates({ outDir: certsDir(), clients: [WEB_UI_CLIENT] });
    oldClient = await generateForeignClient(dir, 'app-old-ca');
    newClient = await generateForeignClient(dir, 'app-new-ca');
    oldCaFile = join(dir, 'old-client-ca.pem');
    const newCaFile = join(dir, 'new-client-ca.pem');
    writeFileSync(oldCaFile, oldClient.caPem);
    writeFileSync(newCaFile, newClient.caPem);
    [secrets, cluster] = await Promise.all([
      startSecretsManager(),
      startLocalCluster({
        namespaces: [NAMESPACE],
        binary: requireBinary(TEMPORAL_SERVER),
        tls: {
          ...clusterTlsFiles(certsDir(), DEFAULT_SERVER_NAME),
          extraClientCas: [oldCaFile, newCaFile],
          refreshInterval: '1s',
        },
      }),
    ]);
    await secrets.putSecret(CLIENT_SECRET, clientSecret(oldClient));
    await secrets.putSecret(CA_SECRET, readFileSync(join(certsDir(), SERVER_CA.cert), 'utf8'));
    await secrets.putSecret(CODEC_SECRET, `v1=${randomBytes(32).toString('base64')}`);
  });

  afterAll(async () => {
    await Promise.all([cluster?.stop(), secrets?.stop()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('worker and client complete a workflow with certificate, key, CA and codec keys all from secrets', async () => {
    const worker = startApp('local-mtls', 'worker', { env: appEnv() });
    try {
      await worker.waitFor(/Worker polling task queue "greetings"/);
      expect(worker.output()).toMatch(/Checking 3 AWS Secrets Manager secret\(s\) for new versions every 1 s/);
      const client = startApp('local-mtls', 'client', { env: appEnv(), args: ['secrets'] });
      expect(await client.exited).toBe(0);
      expect(client.output()).toMatch(/^Result: Hello, secrets!$/m);

      const workflowId = /Started workflow (\S+)/.exec(client.output())?.[1] ?? '';
      const raw = await appClient('local-mtls', appEnv({ PAYLOAD_CODEC_KEYS_SECRET: '' }));
      try {
        const history = await raw.workflow.getHandle(workflowId).fetchHistory();
        const input = history.events?.[0].workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
        expect(Buffer.from(input?.metadata?.encoding ?? []).toString()).toBe('binary/encrypted');
      } finally {
        await raw.connection.close();
      }
    } finally {
      await worker.stop();
    }
  });

  it('doctor passes and names each credential by its secret id and version, never its value', async () => {
    const doctor = startScript(DOCTOR, { args: ['--env-dir', appDir('local-mtls')], env: appEnv() });
    expect(await doctor.exited).toBe(0);
    const report = doctor.output();
    expect(report).toMatch(/All checks passed\.$/m);
    expect(report).toMatch(
      /TEMPORAL_TLS_CLIENT_CERT_SECRET.*AWS Secrets Manager secret temporal\/local-mtls\/client#cert \(version /,
    );
    expect(report).toMatch(
      /TEMPORAL_TLS_CLIENT_KEY_SECRET.*AWS Secrets Manager secret temporal\/local-mtls\/client#key/,
    );
    expect(report).toMatch(/TEMPORAL_TLS_SERVER_CA_CERT_SECRET.*AWS Secrets Manager secret temporal\/server-ca/);
    expect(report).toMatch(
      /PAYLOAD_CODEC_KEYS_SECRET: keys v1 \(current\) from AWS Secrets Manager secret temporal\/codec-keys/,
    );
    expect(report).not.toMatch(PEM_TEXT);
  });

  it(
    'a running worker takes a new secret version (a certificate from a second client CA) under 1,000 workflows; the old CA is then dropped; none fails',
    async () => {
      const worker = startApp('local-mtls', 'worker', { env: appEnv() });
      let load: Client | undefined;
      try {
        await worker.waitFor(/Worker polling task queue "greetings"/);
        // The load's own client keeps the certificate its .env names, which the cluster trusts throughout.
        load = await appClient('local-mtls', {
          TEMPORAL_ADDRESS: cluster.address,
          PAYLOAD_CODEC_KEYS_SECRET: CODEC_SECRET,
          ...secrets.awsEnv('reader'),
        });
        const before = startGreetings(load, TASK_QUEUE, 700, 'before-rotation');
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        const put = Date.now();
        await secrets.putSecret(CLIENT_SECRET, clientSecret(newClient));
        await worker.waitFor(
          /Credentials rotated: a new connection is in use \(client certificate CN=app-new-ca/,
          20_000,
        );
        const pickUpMs = Date.now() - put;

        writeFileSync(oldCaFile, newClient.caPem);
        const refusedAfterMs = await untilOldCertificateRefused();
        const after = await startGreetings(load, TASK_QUEUE, 300, 'after-ca-drop');
        const results = await within(
          Promise.all([before.then((started) => tally(started)), tally(after)]),
          TIMEOUTS.long - 60_000,
          () =>
            `the 1,000 workflows did not finish; the worker's last lines:\n${worker.output().split('\n').slice(-25).join('\n')}`,
        );
        console.log(
          `secret rotation: new version picked up ${pickUpMs} ms after the put (poll 1 s); old CA refused ${refusedAfterMs} ms after the drop; ` +
            `${results[0].completed + results[1].completed} of 1000 workflows completed`,
        );
        expect(results.map((result) => result.failed)).toEqual([[], []]);
        expect(results.map((result) => result.wrong)).toEqual([[], []]);
        expect(results.map((result) => result.completed)).toEqual([700, 300]);
        expect(pickUpMs).toBeLessThan(10_000);
        expect(worker.output()).not.toMatch(/Refused the new credentials/);
      } finally {
        await load?.connection.close();
        await worker.stop();
      }
    },
    TIMEOUTS.long,
  );

  /** A client with the old CA's certificate is refused once the cluster has re-read its CA files. */
  async function untilOldCertificateRefused(): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < 15_000) {
      const client = startApp('local-mtls', 'client', {
        env: {
          TEMPORAL_ADDRESS: cluster.address,
          TEMPORAL_TLS_CLIENT_CERT_PATH: oldClient.certPath,
          TEMPORAL_TLS_CLIENT_KEY_PATH: oldClient.keyPath,
        },
        args: ['old-ca'],
      });
      if ((await client.exited) !== 0) {
        expect(client.output()).toMatch(/client certificate/i);
        return Date.now() - started;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error('the cluster still accepts the old CA 15 s after it was dropped from its CA file');
  }

  describe('refusals, each naming the setting, the secret and the fix, within 15 s', () => {
    let silent: Server;
    const held = new Set<Socket>();
    let silentPort: number;
    let closedPort: number;

    beforeAll(async () => {
      await secrets.putSecret('temporal/not-pem', 'this is not a certificate');
      silent = createServer((socket) => held.add(socket)).listen(0, '127.0.0.1');
      await new Promise((resolve) => silent.once('listening', resolve));
      silentPort = (silent.address() as { port: number }).port;
      closedPort = await freePort();
    });

    afterAll(() => {
      held.forEach((socket) => socket.destroy());
      return new Promise((resolve) => silent.close(resolve));
    });

    const cases: [string, () => Record<string, string>, RegExp][] = [
      [
        'a secret that does not exist',
        () => ({ TEMPORAL_TLS_SERVER_CA_CERT_SECRET: 'temporal/no-such-ca' }),
        /TEMPORAL_TLS_SERVER_CA_CERT_SECRET \(from process environment\) names AWS Secrets Manager secret "temporal\/no-such-ca", which does not exist in region us-east-1[\s\S]*Fix: check the id \(aws secretsmanager describe-secret --secret-id temporal\/no-such-ca/,
      ],
      [
        'credentials that may not read the secret',
        () => secrets.awsEnv('denied'),
        /_SECRET \(from process environment\) names AWS Secrets Manager secret "temporal\/[^"]+", which these credentials may not read: [\s\S]*Fix: allow secretsmanager:GetSecretValue on temporal\//,
      ],
      [
        'a JSON field the secret does not hold',
        () => ({ TEMPORAL_TLS_CLIENT_CERT_SECRET: `${CLIENT_SECRET}#certificate` }),
        /TEMPORAL_TLS_CLIENT_CERT_SECRET \(from process environment\) names AWS Secrets Manager secret "temporal\/local-mtls\/client" with the JSON field "certificate", but it holds the fields "cert", "key"\.[\s\S]*Fix: name a field the secret holds/,
      ],
      [
        'a secret that holds no PEM',
        () => ({ TEMPORAL_TLS_SERVER_CA_CERT_SECRET: 'temporal/not-pem' }),
        /TEMPORAL_TLS_SERVER_CA_CERT_SECRET \(from process environment\) names AWS Secrets Manager secret "temporal\/not-pem", which should hold a PEM CERTIFICATE .* but it holds no PEM block\.[\s\S]*Fix: store the PEM text itself/,
      ],
      [
        'a store that refuses connections',
        () => ({ AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:${closedPort}` }),
        /names AWS Secrets Manager secret "temporal\/[^"]+", but AWS Secrets Manager at http:\/\/127\.0\.0\.1:\d+ did not answer: the connection was refused \(ECONNREFUSED\)\.[\s\S]*Fix: check the network path/,
      ],
      [
        'a store that accepts connections and never answers',
        () => ({ AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:${silentPort}` }),
        /names AWS Secrets Manager secret "temporal\/[^"]+", but AWS Secrets Manager at http:\/\/127\.0\.0\.1:\d+ did not answer: no answer within 3 s\.[\s\S]*Fix: check the network path/,
      ],
      [
        'a credential given both as a file and as a secret',
        () => ({ TEMPORAL_TLS_CLIENT_CERT_PATH: oldClient.certPath }),
        /TEMPORAL_TLS_CLIENT_CERT_SECRET \(from process environment\) and TEMPORAL_TLS_CLIENT_CERT_PATH \(from process environment\) are both set; a credential comes from one source only\.[\s\S]*Fix: remove one of them/,
      ],
    ];

    it.each(cases)('%s', async (_name, overrides, expected) => {
      const started = Date.now();
      const client = startApp('local-mtls', 'client', { env: appEnv(overrides()), args: ['refused'] });
      const exitCode = await client.exited;
      const elapsedMs = Date.now() - started;
      expect(exitCode).not.toBe(0);
      expect(client.output()).toMatch(expected);
      expect(client.output()).not.toMatch(PEM_TEXT);
      expect(client.output()).not.toContain(secrets.keys.reader.AWS_SECRET_ACCESS_KEY);
      expect(elapsedMs).toBeLessThan(REFUSED_WITHIN_MS);
    });
  });
});
