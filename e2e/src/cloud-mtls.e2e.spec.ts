import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startApp, WORKSPACE_ROOT, type AppRun } from '@temporal-samples/tools/apps/app-process';
import { CLOUD_LIKE } from '@temporal-samples/tools/cluster/cloud-like';
import type { LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import { mintToken, type Role } from '@temporal-samples/tools/tokens/mint-token';
import { loadOrCreateSigningKey, newSigningKey, type SigningKey } from '@temporal-samples/tools/tokens/signing-key';
import { startTestCluster } from './support/test-cluster';

const run = promisify(execFile);
const NAMESPACE = CLOUD_LIKE.namespace;
const OTHER_NAMESPACE = 'other.local01';
const REFUSED_WITHIN_MS = 15_000;
const certs = CLOUD_LIKE.certsDir;
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;

describe('apps/cloud-mtls against the local cloud-like cluster (mTLS, API-key endpoint, JWT authorizer)', () => {
  let cluster: LocalCluster;
  let key: SigningKey;
  const token = (role: Role, namespace = NAMESPACE, ttlSeconds = 600) =>
    mintToken(key, { namespace, role, ttlSeconds });

  const common = () => ({
    TEMPORAL_ADDRESS: cluster.address,
    TEMPORAL_NAMESPACE: NAMESPACE,
    TEMPORAL_TASK_QUEUE: 'greetings',
    TEMPORAL_TLS_SERVER_CA_CERT_PATH: join(certs, 'server-ca.pem'),
  });
  const viaMtls = (apiKey: string) => ({
    ...common(),
    TEMPORAL_TLS_SERVER_NAME: CLOUD_LIKE.serverName,
    TEMPORAL_TLS_CLIENT_CERT_PATH: join(certs, 'clients', `${CLOUD_LIKE.client}.pem`),
    TEMPORAL_TLS_CLIENT_KEY_PATH: join(certs, 'clients', `${CLOUD_LIKE.client}.key`),
    TEMPORAL_API_KEY: apiKey,
  });
  const viaApiKey = (apiKey: string) => ({
    ...common(),
    TEMPORAL_TLS_SERVER_NAME: CLOUD_LIKE.apiKeyServerName,
    TEMPORAL_API_KEY: apiKey,
  });

  beforeAll(async () => {
    cluster = await startTestCluster([NAMESPACE, OTHER_NAMESPACE], { cloudLike: true });
    key = loadOrCreateSigningKey(certs);
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  async function completeWorkflow(env: Record<string, string>, name: string): Promise<void> {
    const worker: AppRun = startApp('cloud-mtls', 'worker', { env });
    try {
      await worker.waitFor(/Worker polling task queue "greetings" in namespace "sample\.local01"/);
      const client = startApp('cloud-mtls', 'client', { env, args: [name] });
      expect(await client.exited).toBe(0);
      expect(client.output()).toMatch(new RegExp(`^Result: Hello, ${name}!$`, 'm'));
    } finally {
      expect(await worker.stop()).toBe(0);
    }
  }

  it('worker and client complete a workflow with mTLS (client certificate) on the namespace endpoint', async () => {
    await completeWorkflow(viaMtls(token('write')), 'mTLS');
  });

  it('worker and client complete a workflow with an API key alone on the API-key endpoint', async () => {
    await completeWorkflow(viaApiKey(token('write')), 'API key');
  });

  it('the namespace endpoint still demands a client certificate from an API-key-only client', async () => {
    const env = { ...viaApiKey(token('write')), TEMPORAL_TLS_SERVER_NAME: CLOUD_LIKE.serverName };
    const client = startApp('cloud-mtls', 'client', { env });
    expect(await client.exited).toBe(1);
    expect(client.output()).toMatch(/requires a client certificate \(mutual TLS\) and none was given/);
  });

  const refusals: [string, () => Record<string, string>, RegExp][] = [
    [
      'a token for another namespace (namespaces isolate)',
      () => viaApiKey(token('write', OTHER_NAMESPACE)),
      /refused to describe the namespace in namespace "sample\.local01": the API key grants roles on other\.local01 only; namespaces are isolated/,
    ],
    [
      'a read-only token used to start a workflow',
      () => viaApiKey(token('read')),
      /refused to start a workflow in namespace "sample\.local01": the API key grants only read there, and this call needs write/,
    ],
    ['an expired token', () => viaApiKey(token('write', NAMESPACE, -60)), /the API key expired at \d{4}-/],
    [
      'no token where one is required',
      () => viaMtls(''),
      /no API key was sent, and this server authorizes calls by API key/,
    ],
    [
      'a token signed by a key the cluster does not publish',
      () => viaApiKey(mintToken(newSigningKey(), { namespace: NAMESPACE, role: 'write', ttlSeconds: 600 })),
      /it did not accept the API key \(is it signed by a key this server trusts/,
    ],
  ];

  it.each(refusals)(
    'the client is refused: %s, exiting 1 within 15 s with the cause and the fix',
    async (_case, env, message) => {
      const given = env();
      const started = Date.now();
      const client = startApp('cloud-mtls', 'client', { env: given });
      expect(await client.exited).toBe(1);
      expect(Date.now() - started).toBeLessThan(REFUSED_WITHIN_MS);
      expect(client.output()).toMatch(message);
      expect(client.output()).toMatch(/Fix: use an API key that grants "write" on sample\.local01/);
      expect(client.output()).not.toMatch(JWT);
      for (const part of given.TEMPORAL_API_KEY.split('.').filter(Boolean)) expect(client.output()).not.toContain(part);
    },
  );

  it('tools:token writes a token into an env file (0600) without printing it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'token-'));
    try {
      const envFile = join(dir, '.env.local');
      const args = ['--namespace', NAMESPACE, '--role', 'write', '--ttl', '15m', '--write-env', envFile];
      const { stdout } = await run(process.execPath, [
        join(WORKSPACE_ROOT, 'tools', 'dist', 'tokens', 'cli.js'),
        ...args,
      ]);
      const written = readFileSync(envFile, 'utf8');
      const minted = /^TEMPORAL_API_KEY=(.+)$/m.exec(written)?.[1] ?? '';
      expect(minted.split('.')).toHaveLength(3);
      expect(stdout).toMatch(/Wrote TEMPORAL_API_KEY to .*: role write on namespace "sample\.local01", expires \d{4}-/);
      expect(stdout).not.toContain(minted);
      expect(statSync(envFile).mode & 0o777).toBe(0o600);
      await completeWorkflow(viaApiKey(minted), 'minted');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
