import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { startScript, WORKSPACE_ROOT, type AppRun } from '@temporal-samples/tools/apps/app-process';
import { generateCertificates } from '@temporal-samples/tools/certs/generate';
import { DEFAULT_CERTS_DIR, FRONTEND, SERVER_CA } from '@temporal-samples/tools/certs/layout';

const script = join(WORKSPACE_ROOT, 'apps', 'codec-server', 'dist', 'server.js');

function postHttps(url: string, body: string, ca: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const call = request(
      url,
      { method: 'POST', ca, headers: { 'Content-Type': 'application/json', 'X-Namespace': 'samples' } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    call.on('error', reject);
    call.end(body);
  });
}

describe('apps/codec-server as users run it (node apps/codec-server/dist/server.js)', () => {
  let server: AppRun | undefined;
  afterEach(async () => {
    await server?.stop('SIGTERM');
    server = undefined;
  });

  it('serves over TLS with the given certificate and stops cleanly on SIGTERM', async () => {
    await generateCertificates({ outDir: DEFAULT_CERTS_DIR });
    server = startScript(script, {
      env: {
        PAYLOAD_CODEC_KEYS: `v1=${randomBytes(32).toString('base64')}`,
        CODEC_SERVER_PORT: '0',
        CODEC_SERVER_TLS_CERT_PATH: join(DEFAULT_CERTS_DIR, FRONTEND.cert),
        CODEC_SERVER_TLS_KEY_PATH: join(DEFAULT_CERTS_DIR, FRONTEND.key),
      },
    });
    const line = await server.waitFor(
      /^Codec server listening on https:\/\/127\.0\.0\.1:\d+ for namespaces samples\.$/,
    );
    const url = `${line.split(' ')[4]}/encode`;
    const body = JSON.stringify({ payloads: [{ metadata: {}, data: Buffer.from('"x"').toString('base64') }] });
    const response = await postHttps(url, body, readFileSync(join(DEFAULT_CERTS_DIR, SERVER_CA.cert)));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text).payloads).toHaveLength(1);
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.output()).toMatch(/^Codec server stopped\.$/m);
  });

  it('refuses to start without keys, with exit 1 and where it looked', async () => {
    server = startScript(script, { env: { PAYLOAD_CODEC_KEYS: '' } });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(
      /PAYLOAD_CODEC_KEYS is not set; looked in process environment, .*apps\/codec-server\/\.env/,
    );
  });
});
