import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { appDir, startApp, startScript, WORKSPACE_ROOT } from '@temporal-samples/tools/apps/app-process';
import type { LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import { freeFrontendPort } from '@temporal-samples/tools/cluster/ports';
import { CLOUD_LIKE } from '@temporal-samples/tools/cluster/cloud-like';
import { mintToken } from '@temporal-samples/tools/tokens/mint-token';
import { loadOrCreateSigningKey } from '@temporal-samples/tools/tokens/signing-key';
import { startTestCluster } from './support/test-cluster';
import { TIMEOUTS } from './support/timeouts';

interface ToolsPackage {
  nx: { targets: { doctor: { command: string } } };
}

interface CloudMtlsProject {
  targets: { server: { options: { args: string } } };
}

const run = promisify(execFile);
const toolsCli = (name: string) => join(WORKSPACE_ROOT, 'tools', 'dist', name);

describe('tools command lines against a real local Temporal server', () => {
  let cluster: LocalCluster;

  beforeAll(async () => {
    cluster = await startTestCluster(['samples']);
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('`npx nx run plain:profile` shows each value with the app file it came from, not an Nx-injected copy', async () => {
    const { stdout } = await run('npx', ['nx', 'run', 'plain:profile'], { cwd: WORKSPACE_ROOT });
    expect(stdout).toMatch(/TEMPORAL_ADDRESS\s+localhost:7233\s+apps\/plain\/\.env$/m);
    expect(stdout).toMatch(/TEMPORAL_TASK_QUEUE\s+greetings\s+apps\/plain\/\.env$/m);
  });

  it('namespace command creates a namespace, then finds it', async () => {
    const env = { ...process.env, TEMPORAL_ADDRESS: cluster.address };
    const args = [toolsCli('namespaces/cli.js'), '--namespace', 'team-a', '--retention', '72h'];
    const first = await run(process.execPath, args, { env });
    expect(first.stdout).toContain(`Created namespace "team-a" on ${cluster.address} (retention 3 d).`);
    const second = await run(process.execPath, args, { env });
    expect(second.stdout).toContain(`Found namespace "team-a" on ${cluster.address}; left as it is.`);
  });

  it('namespace command refuses a bad retention with a clear message', async () => {
    const failure = run(process.execPath, [toolsCli('namespaces/cli.js'), '--name', 'x', '--retention', 'soon']);
    await expect(failure).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--retention is "soon"') });
  });

  it('server command serves an app in the foreground and stops on Ctrl-C', async () => {
    const port = await freeFrontendPort();
    const server = startScript(toolsCli('cluster/cli.js'), {
      args: ['--env-dir', appDir('plain'), '--port', String(port), '--store', 'memory', '--no-ui'],
    });
    await server.waitFor(/Ctrl-C stops it\./);
    expect(server.output()).toContain(
      `Temporal server listening on 127.0.0.1:${port} (no TLS), namespace "samples" ready.\n` +
        'Store: SQLite in memory (gone when the server stops). Web UI: off. Ctrl-C stops it.',
    );

    const env = { TEMPORAL_ADDRESS: `127.0.0.1:${port}` };
    const worker = startApp('plain', 'worker', { env });
    await worker.waitFor(/Worker polling/);
    const client = startApp('plain', 'client', { env });
    expect(await client.exited).toBe(0);
    expect(client.output()).toMatch(/^Result: Hello, Temporal!$/m);
    await worker.stop();

    expect(await server.stop('SIGINT')).toBe(0);
    expect(server.output()).toContain('Temporal server stopped.');
  });

  it('`<app>:doctor --env-file <file>` checks the profile in that one file, relative paths from its folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doctor-env-file-'));
    try {
      const envFile = join(dir, 'staging.env');
      writeFileSync(envFile, `TEMPORAL_ADDRESS=${cluster.address}\nTEMPORAL_NAMESPACE=samples\n`);
      const { stdout } = await run(process.execPath, [toolsCli('doctor/cli.js'), '--env-file', envFile]);
      expect(stdout).toContain(cluster.address);
      expect(stdout).toMatch(/All checks passed\.$/m);

      writeFileSync(envFile, `TEMPORAL_ADDRESS=${cluster.address}\nTEMPORAL_NAMESPACE=nope\n`);
      const failed = run(process.execPath, [toolsCli('doctor/cli.js'), '--env-file', envFile]);
      await expect(failed).rejects.toMatchObject({ code: 1, stdout: expect.stringContaining('Namespace "nope"') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("`tools:doctor -- --env-file <file>` or `--env-dir <folder>` that does not exist: the target's command line reaches the doctor, which names it", async () => {
    // Node 20 reads --env-file anywhere on its own command line and would stop first with `node: <file>: not found`.
    const tools = JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'tools', 'package.json'), 'utf8')) as ToolsPackage;
    const [node, ...args] = tools.nx.targets.doctor.command.split(' ');
    expect(node).toBe('node');
    const missing = join(mkdtempSync(join(tmpdir(), 'doctor-env-file-')), 'staging.env');
    const failed = run(process.execPath, [...args, '--env-file', missing], { cwd: WORKSPACE_ROOT });
    await expect(failed).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining(`env-file-not-found: The env file ${missing} does not exist.`),
    });
    const typo = run(process.execPath, [...args, '--env-dir', 'apps/biling'], { cwd: WORKSPACE_ROOT });
    await expect(typo).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('env-dir-not-found: The app folder apps/biling does not exist'),
    });
  });

  it('`cloud-mtls:server` (the server command with --cloud-like) serves the cloud-mtls app over mTLS and API keys', async () => {
    const port = await freeFrontendPort();
    const targetArgs = (
      JSON.parse(readFileSync(join(appDir('cloud-mtls'), 'project.json'), 'utf8')) as CloudMtlsProject
    ).targets.server.options.args;
    const server = startScript(toolsCli('cluster/cli.js'), {
      args: ['--env-dir', appDir('cloud-mtls'), targetArgs, '--port', String(port), '--store', 'memory', '--no-ui'],
    });
    try {
      await server.waitFor(/Ctrl-C stops it\./, TIMEOUTS.ready);
      expect(server.output()).toContain(
        `Temporal server listening on 127.0.0.1:${port} (cloud-like: mutual TLS as ${CLOUD_LIKE.serverName}, API keys as ${CLOUD_LIKE.apiKeyServerName}), namespace "${CLOUD_LIKE.namespace}" ready.`,
      );
      const apiKey = mintToken(loadOrCreateSigningKey(CLOUD_LIKE.certsDir), {
        namespace: CLOUD_LIKE.namespace,
        role: 'write',
        ttlSeconds: 600,
      });
      const env = {
        TEMPORAL_ADDRESS: `127.0.0.1:${port}`,
        TEMPORAL_NAMESPACE: CLOUD_LIKE.namespace,
        TEMPORAL_TASK_QUEUE: 'greetings',
        TEMPORAL_TLS_SERVER_CA_CERT_PATH: join(CLOUD_LIKE.certsDir, 'server-ca.pem'),
        TEMPORAL_TLS_SERVER_NAME: CLOUD_LIKE.apiKeyServerName,
        TEMPORAL_API_KEY: apiKey,
      };
      const worker = startApp('cloud-mtls', 'worker', { env });
      try {
        await worker.waitFor(/Worker polling/);
        const client = startApp('cloud-mtls', 'client', { env, args: ['Cloud'] });
        expect(await client.exited).toBe(0);
        expect(client.output()).toMatch(/^Result: Hello, Cloud!$/m);
      } finally {
        await worker.stop();
      }
    } finally {
      expect(await server.stop('SIGINT')).toBe(0);
    }
    expect(server.output()).toContain('Temporal server stopped.');
  });
});
