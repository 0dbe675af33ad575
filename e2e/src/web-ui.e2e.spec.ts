import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, startScript, WORKSPACE_ROOT, type AppRun } from '@temporal-samples/tools/apps/app-process';
import { freeFrontendPort, freePort } from '@temporal-samples/tools/cluster/ports';
import { withBrowser } from './support/browser';
import { TIMEOUTS } from './support/timeouts';

const KEYS = `v1=${randomBytes(32).toString('base64')}`;
const SCREENSHOTS = join(WORKSPACE_ROOT, 'tmp', 'screenshots');

/** Runs the local-mtls app's worker and client with encryption on; returns the workflow id. */
async function runEncryptedWorkflow(env: Record<string, string>, name: string): Promise<string> {
  const worker = startApp('local-mtls', 'worker', { env });
  try {
    await worker.waitFor(/Worker polling/, TIMEOUTS.ready);
    const client = startApp('local-mtls', 'client', { env, args: [name] });
    expect(await client.exited).toBe(0);
    expect(client.output()).toContain(`Result: Hello, ${name}!`);
    return /Started workflow (\S+) /.exec(client.output())?.[1] ?? '';
  } finally {
    await worker.stop();
  }
}

describe('the Web UI of `local-mtls:server`, in a real browser', () => {
  let server: AppRun;
  let uiUrl: string;
  let address: string;

  beforeAll(async () => {
    const [port, uiPort] = [await freeFrontendPort(), await freePort()];
    address = `127.0.0.1:${port}`;
    server = startScript(join(WORKSPACE_ROOT, 'tools', 'dist', 'cluster', 'cli.js'), {
      args: ['--env-dir', 'apps/local-mtls', '--port', String(port), '--ui-port', String(uiPort), '--store', 'memory'],
      env: { PAYLOAD_CODEC_KEYS: KEYS },
    });
    const line = await server.waitFor(/Web UI: /, TIMEOUTS.test);
    uiUrl = /Web UI: (http\S+)/.exec(line)?.[1] ?? '';
  }, TIMEOUTS.long);

  afterAll(async () => {
    await server?.stop('SIGINT');
  });

  it('prints the UI address on the startup line, decoded through a codec server with the app keys', () => {
    expect(server.output()).toMatch(
      /Temporal server listening on 127\.0\.0\.1:\d+ \(mutual TLS, server name temporal\.local\)/,
    );
    expect(uiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.output()).toMatch(
      /Web UI: http:\/\/127\.0\.0\.1:\d+ \(payloads decoded by http:\/\/127\.0\.0\.1:\d+\)/,
    );
  });

  it('lists the workflow the app just ran and shows its decoded result; a screenshot is saved', async () => {
    const env = { TEMPORAL_ADDRESS: address, PAYLOAD_CODEC_KEYS: KEYS };
    const workflowId = await runEncryptedWorkflow(env, 'Grace Hopper');
    mkdirSync(SCREENSHOTS, { recursive: true });
    const listShot = join(SCREENSHOTS, 'web-ui-mtls-workflows.png');
    const workflowShot = join(SCREENSHOTS, 'web-ui-mtls-decoded-result.png');
    await withBrowser(async (browser) => {
      const page = await browser.newPage();
      await page.goto(`${uiUrl}/namespaces/samples/workflows`);
      const link = page.locator(`a[href*="${workflowId}"]`).first();
      await link.waitFor({ state: 'visible', timeout: TIMEOUTS.step });
      await page.screenshot({ path: listShot, fullPage: true });
      await page.goto(new URL((await link.getAttribute('href')) ?? '', uiUrl).toString());
      await page.getByText('Hello, Grace Hopper!').first().waitFor({ state: 'visible', timeout: TIMEOUTS.step });
      await page.screenshot({ path: workflowShot, fullPage: true });
      expect(await page.locator('body').innerText()).not.toContain('binary/encrypted');
    });
    for (const shot of [listShot, workflowShot])
      expect(existsSync(shot) && statSync(shot).size).toBeGreaterThan(10_000);
  });
});
