import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appDir, startScript, WORKSPACE_ROOT } from '@temporal-samples/tools/apps/app-process';
import { CLIENT_CA, certsDir, FRONTEND } from '@temporal-samples/tools/certs/layout';
import {
  generateExpiredClient,
  generateForeignClient,
  generateMismatchedClient,
} from '@temporal-samples/tools/certs/test-material';
import { CLOUD_LIKE } from '@temporal-samples/tools/cluster/cloud-like';
import type { LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import { freePort } from '@temporal-samples/tools/cluster/ports';
import type { CheckResult } from '@temporal-samples/tools/doctor/check';
import { mintToken, type Role } from '@temporal-samples/tools/tokens/mint-token';
import { loadOrCreateSigningKey } from '@temporal-samples/tools/tokens/signing-key';
import { TARGET_CLUSTERS, type DeploymentTarget } from './support/target-clusters';
import { TIMEOUTS } from './support/timeouts';

const DOCTOR = join(WORKSPACE_ROOT, 'tools', 'dist', 'doctor', 'cli.js');

interface Report {
  ok: boolean;
  checks: CheckResult[];
  exitCode: number | null;
  seconds: number;
  text: string;
}

async function doctor(app: DeploymentTarget, env: Record<string, string>): Promise<Report> {
  const started = Date.now();
  const json = startScript(DOCTOR, { args: ['--env-dir', appDir(app), '--json'], env });
  const exitCode = await json.exited;
  const text = startScript(DOCTOR, { args: ['--env-dir', appDir(app)], env });
  await text.exited;
  const parsed = JSON.parse(json.output()) as { ok: boolean; checks: CheckResult[] };
  return { ...parsed, exitCode, seconds: (Date.now() - started) / 1000, text: text.output() };
}

type Case = [string, () => Record<string, string>, RegExp, RegExp];

function expectFailure(report: Report, found: RegExp, fix: RegExp): void {
  expect(report.exitCode).toBe(1);
  expect(report.ok).toBe(false);
  const failed = report.checks.filter((check) => !check.ok);
  expect(failed.map((check) => `${check.name}: ${check.found}`).join('\n')).toMatch(found);
  expect(failed.map((check) => check.fix).join('\n')).toMatch(fix);
  expect(report.text).toMatch(/^ {2}✗ /m);
  expect(report.text).toMatch(/^ {6}Fix: /m);
}

function expectHealthy(report: Report): void {
  expect(report.checks.filter((check) => !check.ok)).toEqual([]);
  expect(report.exitCode).toBe(0);
  expect(report.checks.map((check) => check.section)).toEqual(
    expect.arrayContaining(['profile', 'address', 'tls', 'temporal']),
  );
  expect(report.text).toMatch(/All checks passed(\.|, with \d+ warnings?\.)$/m);
}

describe('doctor against the real local clusters', () => {
  const clusters: Partial<Record<DeploymentTarget, LocalCluster>> = {};
  let badDir: string;
  const bad: Record<string, { certPath: string; keyPath: string }> = {};
  const base = (target: DeploymentTarget, taskQueue?: string) =>
    TARGET_CLUSTERS[target].env(clusters[target] as LocalCluster, taskQueue);
  const token = (role: Role, namespace: string = CLOUD_LIKE.namespace, ttlSeconds = 600) =>
    mintToken(loadOrCreateSigningKey(CLOUD_LIKE.certsDir), { namespace, role, ttlSeconds });

  beforeAll(async () => {
    for (const target of Object.keys(TARGET_CLUSTERS) as DeploymentTarget[])
      clusters[target] = await TARGET_CLUSTERS[target].start();
    badDir = mkdtempSync(join(tmpdir(), 'doctor-certs-'));
    bad.foreign = await generateForeignClient(badDir, 'foreign');
    bad.expired = await generateExpiredClient(certsDir(), badDir, 'expired');
    bad.mismatched = await generateMismatchedClient(certsDir(), badDir, 'mismatched');
  }, TIMEOUTS.ready);

  afterAll(async () => {
    await Promise.all(Object.values(clusters).map((cluster) => cluster?.stop()));
    if (badDir) rmSync(badDir, { recursive: true, force: true });
  });

  it.each(Object.keys(TARGET_CLUSTERS) as DeploymentTarget[])('the healthy profile of %s is all ✓', async (target) => {
    const env = target === 'cloud-mtls' ? { ...base(target), TEMPORAL_API_KEY: token('write') } : base(target);
    expectHealthy(await doctor(target, env));
  });

  it('warns, and still passes, when the client certificate expires within TEMPORAL_TLS_CERT_EXPIRY_WARNING', async () => {
    const report = await doctor('local-mtls', { ...base('local-mtls'), TEMPORAL_TLS_CERT_EXPIRY_WARNING: '36500d' });
    expectHealthy(report);
    expect(report.text).toMatch(
      /^ {2}! client certificate expiry: the client certificate in \S+local-mtls\.pem \(TEMPORAL_TLS_CLIENT_CERT_PATH\) expires at \d{4}-\d\d-\d\dT\S+Z, in [\d.]+ days: within TEMPORAL_TLS_CERT_EXPIRY_WARNING/m,
    );
    expect(report.text).toMatch(/All checks passed, with 1 warning\.$/m);
  });

  const plainCases: Case[] = [
    [
      'a misspelt variable',
      () => ({ ...base('plain'), TEMPORAL_ADRESS: 'x' }),
      /TEMPORAL_ADRESS \(from process environment\) is not a name Temporal reads/,
      /did you mean TEMPORAL_ADDRESS\?/,
    ],
    [
      'an address with a scheme',
      () => ({ ...base('plain'), TEMPORAL_ADDRESS: 'http://localhost:7233' }),
      /has a URL scheme/,
      /set TEMPORAL_ADDRESS=localhost:7233/,
    ],
    [
      'an unknown namespace',
      () => ({ ...base('plain'), TEMPORAL_NAMESPACE: 'nope' }),
      /Namespace "nope" does not exist/,
      /npx nx run tools:namespace -- --name nope/,
    ],
    [
      'TLS on against a plaintext server',
      () => ({ ...base('plain'), TEMPORAL_TLS: 'true' }),
      /does not speak TLS/,
      /use the server's TLS port/,
    ],
  ];
  const mtlsCases: Case[] = [
    [
      'no client certificate',
      () => ({ ...base('local-mtls'), TEMPORAL_TLS_CLIENT_CERT_PATH: '', TEMPORAL_TLS_CLIENT_KEY_PATH: '' }),
      /requires a client certificate/,
      /set TEMPORAL_TLS_CLIENT_CERT_PATH/,
    ],
    [
      'a client certificate from an untrusted CA',
      () => ({
        ...base('local-mtls'),
        TEMPORAL_TLS_CLIENT_CERT_PATH: bad.foreign.certPath,
        TEMPORAL_TLS_CLIENT_KEY_PATH: bad.foreign.keyPath,
      }),
      /issued by CN = .*, but the server accepts client certificates only from: CN = Temporal Local Client CA/,
      /use a certificate issued by one of those CAs/,
    ],
    [
      'an expired client certificate',
      () => ({
        ...base('local-mtls'),
        TEMPORAL_TLS_CLIENT_CERT_PATH: bad.expired.certPath,
        TEMPORAL_TLS_CLIENT_KEY_PATH: bad.expired.keyPath,
      }),
      /is expired/,
      /renew it/,
    ],
    [
      'a key that does not match',
      () => ({
        ...base('local-mtls'),
        TEMPORAL_TLS_CLIENT_CERT_PATH: bad.mismatched.certPath,
        TEMPORAL_TLS_CLIENT_KEY_PATH: bad.mismatched.keyPath,
      }),
      /does not belong to the certificate/,
      /use the key that was generated with that certificate/,
    ],
    [
      'a CA certificate where the client certificate belongs',
      () => ({
        ...base('local-mtls'),
        TEMPORAL_TLS_CLIENT_CERT_PATH: join(certsDir(), CLIENT_CA.cert),
        TEMPORAL_TLS_CLIENT_KEY_PATH: join(certsDir(), CLIENT_CA.key),
      }),
      /holds a CA certificate/,
      /point it at the client \(leaf\) certificate/,
    ],
    [
      'a server certificate used as the client certificate',
      () => ({
        ...base('local-mtls'),
        TEMPORAL_TLS_CLIENT_CERT_PATH: join(certsDir(), FRONTEND.cert),
        TEMPORAL_TLS_CLIENT_KEY_PATH: join(certsDir(), FRONTEND.key),
      }),
      /is not for client authentication/,
      /use a client certificate/,
    ],
    [
      'a wrong server name',
      () => ({ ...base('local-mtls'), TEMPORAL_TLS_SERVER_NAME: 'evil.example' }),
      /not valid for "evil\.example"/,
      /set TEMPORAL_TLS_SERVER_NAME to a name its certificate carries/,
    ],
    [
      'no server CA',
      () => ({ ...base('local-mtls'), TEMPORAL_TLS_SERVER_CA_CERT_PATH: '' }),
      /server's certificate is not trusted/,
      /set TEMPORAL_TLS_SERVER_CA_CERT_PATH/,
    ],
    [
      'TLS off against the TLS port',
      () => ({ ...base('local-mtls'), TEMPORAL_TLS: 'false' }),
      /speaks TLS, but this profile connects in plaintext/,
      /turn TLS on/,
    ],
  ];
  const cloudCases: Case[] = [
    [
      'an expired API key',
      () => ({ ...base('cloud-mtls'), TEMPORAL_API_KEY: token('write', CLOUD_LIKE.namespace, -60) }),
      /the API key expired at/,
      /use an API key that grants "write"/,
    ],
    [
      'an API key for another namespace',
      () => ({ ...base('cloud-mtls'), TEMPORAL_API_KEY: token('write', 'other.local01') }),
      /grants roles on other\.local01 only/,
      /use an API key that grants "write" on sample\.local01/,
    ],
    [
      'a read-only API key for a worker',
      () => ({ ...base('cloud-mtls'), TEMPORAL_API_KEY: token('read') }),
      /worker permission: a poll in namespace sample\.local01 was refused \(permission denied\)\. The key grants read on sample\.local01; polling needs write/,
      /use credentials with write on sample\.local01/,
    ],
    [
      'the Web UI host as address',
      () => ({ ...base('cloud-mtls'), TEMPORAL_ADDRESS: 'web.a1b2c.tmprl.cloud:443' }),
      /the Web UI host/,
      /use the namespace's gRPC endpoint/,
    ],
  ];

  it.each(plainCases)('plain: %s', async (_name, env, found, fix) =>
    expectFailure(await doctor('plain', env()), found, fix),
  );
  it.each(mtlsCases)('local-mtls: %s', async (_name, env, found, fix) =>
    expectFailure(await doctor('local-mtls', env()), found, fix),
  );
  it.each(cloudCases)('cloud-mtls: %s', async (_name, env, found, fix) =>
    expectFailure(await doctor('cloud-mtls', env()), found, fix),
  );

  it('a dead address: ✗ with the fix, and the whole run within 20 s', async () => {
    const report = await doctor('plain', { TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` });
    expectFailure(report, /refused the connection/, /start the server/);
    expect(report.seconds).toBeLessThan(20);
  });
});
