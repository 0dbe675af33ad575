import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadProfile } from '@temporal-samples/connection';
import { connectConnection } from '@temporal-samples/connection/tools';
import {
  startApp,
  startCommand,
  startScript,
  WORKSPACE_ROOT,
  type AppRun,
} from '@temporal-samples/tools/apps/app-process';
import type { LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import { freePort, isListening } from '@temporal-samples/tools/cluster/ports';
import { withBrowser } from './support/browser';
import { requireCliBinary } from './support/temporal-cli';
import { startTestCluster } from './support/test-cluster';
import { TIMEOUTS } from './support/timeouts';

const run = promisify(execFile);
const KEYS = `v1=${randomBytes(32).toString('base64')}`;
const CODEC_TOKEN = randomBytes(16).toString('hex');
const SCREENSHOTS = join(WORKSPACE_ROOT, 'tmp', 'screenshots');
const refusalsIn = (output: string) => output.split('\n').filter((line) => line.startsWith('Refused ')).length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startCodecServer(env: Record<string, string>): Promise<{ server: AppRun; url: string }> {
  const server = startScript(join(WORKSPACE_ROOT, 'apps', 'codec-server', 'dist', 'server.js'), {
    env: { PAYLOAD_CODEC_KEYS: KEYS, CODEC_SERVER_PORT: '0', ...env },
  });
  const line = await server.waitFor(/^Codec server listening on /);
  return { server, url: line.split(' ')[4] };
}

/** Runs the plain app's worker and client with encryption on; returns the workflow id. */
async function runEncryptedWorkflow(address: string, namespace: string, name: string): Promise<string> {
  const env = { TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: namespace, PAYLOAD_CODEC_KEYS: KEYS };
  const worker = startApp('plain', 'worker', { env });
  try {
    await worker.waitFor(/Worker polling/);
    const client = startApp('plain', 'client', { env, args: [name] });
    expect(await client.exited).toBe(0);
    return /Started workflow (\S+) /.exec(client.output())?.[1] ?? '';
  } finally {
    await worker.stop();
  }
}

describe('decoding through the codec server with the real Temporal CLI and Web UI', () => {
  const cli = requireCliBinary();

  describe('temporal workflow show', () => {
    let cluster: LocalCluster;
    let codec: { server: AppRun; url: string };
    let workflowId: string;

    beforeAll(async () => {
      cluster = await startTestCluster(['samples']);
      codec = await startCodecServer({ CODEC_SERVER_NAMESPACES: 'samples', CODEC_SERVER_AUTH_TOKEN: CODEC_TOKEN });
      workflowId = await runEncryptedWorkflow(cluster.address, 'samples', 'Ada Secret');
    });

    afterAll(async () => {
      await codec?.server.stop();
      await cluster?.stop();
    });

    const show = (...extra: string[]) =>
      run(cli, [
        'workflow',
        'show',
        '--workflow-id',
        workflowId,
        '--namespace',
        'samples',
        '--address',
        cluster.address,
        ...extra,
      ]);
    const withCodec = (auth = `Bearer ${CODEC_TOKEN}`) => [
      '--codec-endpoint',
      `${codec.url}/samples`,
      '--codec-auth',
      auth,
    ];
    const base64Of = (text: string) => Buffer.from(text).toString('base64');

    it('without the codec endpoint prints only encrypted payloads', async () => {
      const { stdout } = await show();
      expect(stdout).toMatch(/ResultEncoding\s+binary\/encrypted/);
      expect(stdout).not.toMatch(/Hello, Ada Secret!/);
      const { stdout: json } = await show('--output', 'json');
      expect(json).not.toContain(base64Of('"Ada Secret"'));
    });

    it('with --codec-endpoint <server>/samples and --codec-auth prints the decrypted input and result', async () => {
      const { stdout } = await show(...withCodec());
      expect(stdout).toMatch(/Result\s+"Hello, Ada Secret!"/);
      expect(stdout).toMatch(/ResultEncoding\s+json\/plain/);
      const { stdout: json } = await show('--output', 'json', ...withCodec());
      expect(json).toContain(`"data": "${base64Of('"Ada Secret"')}"`);
    });

    it('with a wrong --codec-auth the codec server refuses the call and nothing is decrypted', async () => {
      const refusedBefore = refusalsIn(codec.server.output());
      const outcome = await show('--output', 'json', ...withCodec('Bearer wrong-token')).then(
        ({ stdout }) => stdout,
        (error: { stdout?: string; stderr?: string }) => `${error.stdout}${error.stderr}`,
      );
      expect(refusalsIn(codec.server.output())).toBeGreaterThan(refusedBefore);
      expect(codec.server.output()).toMatch(
        /^Refused \/samples\/decode for namespace "samples": 401 wrong bearer token\.$/m,
      );
      expect(codec.server.output()).not.toContain('wrong-token');
      expect(outcome).not.toMatch(/Hello, Ada Secret!/);
      expect(outcome).not.toContain(base64Of('"Ada Secret"'));
      expect(outcome).not.toContain(base64Of('"Hello, Ada Secret!"'));
    });
  });

  describe('the Web UI of `temporal server start-dev --ui-codec-endpoint`', () => {
    let devServer: AppRun;
    let codec: { server: AppRun; url: string };
    let home: string;
    let address: string;
    let uiOrigin: string;

    beforeAll(async () => {
      const [port, uiPort] = [await freePort(), await freePort()];
      address = `127.0.0.1:${port}`;
      uiOrigin = `http://127.0.0.1:${uiPort}`;
      codec = await startCodecServer({ CODEC_SERVER_NAMESPACES: 'default', CODEC_SERVER_ALLOWED_ORIGINS: uiOrigin });
      home = mkdtempSync(join(tmpdir(), 'temporal-cli-home-'));
      const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--ui-port', String(uiPort)];
      const endpoint = `${codec.url}/default`;
      devServer = startCommand(cli, [...args, '--ui-codec-endpoint', endpoint, '--log-level', 'error'], {
        env: { HOME: home },
      });
      for (let waited = 0; !(await isListening(port)) || !(await isListening(uiPort)); waited += 100) {
        if (waited > TIMEOUTS.ready)
          throw new Error(`start-dev did not listen within ${TIMEOUTS.ready / 1000} s:\n${devServer.output()}`);
        await sleep(100);
      }
    });

    afterAll(async () => {
      await devServer?.stop('SIGTERM');
      await codec?.server.stop();
      if (home) rmSync(home, { recursive: true, force: true });
    });

    it('with the codec endpoint <server>/default, shows the decoded input and result in a real browser, and a screenshot is saved', async () => {
      const workflowId = await runEncryptedWorkflow(address, 'default', 'Grace Hopper');
      const connection = await connectConnection(
        loadProfile({ env: { TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: 'default' }, useConfigFile: false }),
      );
      const described = await connection.workflowService.describeWorkflowExecution({
        namespace: 'default',
        execution: { workflowId },
      });
      await connection.close();
      const runId = described.workflowExecutionInfo?.execution?.runId ?? '';

      mkdirSync(SCREENSHOTS, { recursive: true });
      const screenshot = join(SCREENSHOTS, 'web-ui-decoded.png');
      await withBrowser(async (browser) => {
        const page = await browser.newPage();
        const decodeCalls: string[] = [];
        page.on('request', (request) => {
          if (request.url().startsWith(codec.url))
            decodeCalls.push(`${request.method()} ${new URL(request.url()).pathname}`);
        });
        await page.goto(`${uiOrigin}/namespaces/default/workflows/${encodeURIComponent(workflowId)}/${runId}/history`);
        await page.getByText('Hello, Grace Hopper!').first().waitFor({ state: 'visible', timeout: TIMEOUTS.step });
        await page.getByText('"Grace Hopper"').first().waitFor({ state: 'visible', timeout: TIMEOUTS.step });
        await page.screenshot({ path: screenshot, fullPage: true });
        expect(decodeCalls).toContain('POST /default/decode');
        expect(await page.locator('body').innerText()).not.toContain('binary/encrypted');
      });
      expect(existsSync(screenshot) && statSync(screenshot).size).toBeGreaterThan(10_000);
    });
  });
});
