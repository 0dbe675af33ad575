import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { startScript, WORKSPACE_ROOT, type AppRun } from '@temporal-samples/tools/apps/app-process';
import { generateCertificates } from '@temporal-samples/tools/certs/generate';
import { certsDir, FRONTEND, SERVER_CA } from '@temporal-samples/tools/certs/layout';
import { startJwksServer, type JwksServer } from '@temporal-samples/tools/tokens/jwks-server';
import { mintToken, type TokenRequest } from '@temporal-samples/tools/tokens/mint-token';
import { newSigningKey } from '@temporal-samples/tools/tokens/signing-key';

const script = join(WORKSPACE_ROOT, 'apps', 'codec-server', 'dist', 'server.js');
const tls = () => ({
  CODEC_SERVER_TLS_CERT_PATH: join(certsDir(), FRONTEND.cert),
  CODEC_SERVER_TLS_KEY_PATH: join(certsDir(), FRONTEND.key),
});
const keyFor = (id: string) => `${id}=${randomBytes(32).toString('base64')}`;

interface Reply {
  status: number;
  text: string;
}

function postHttps(url: string, body: string, headers: Record<string, string> = {}): Promise<Reply> {
  const ca = readFileSync(join(certsDir(), SERVER_CA.cert));
  return new Promise((resolve, reject) => {
    const call = request(
      url,
      { method: 'POST', ca, headers: { 'Content-Type': 'application/json', 'X-Namespace': 'samples', ...headers } },
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

const listening = (server: AppRun) =>
  server
    .waitFor(/^Codec server listening on https:\/\/127\.0\.0\.1:\d+ for namespaces .*\.$/)
    .then((line) => line.split(' ')[4]);

describe('apps/codec-server as users run it (node apps/codec-server/dist/server.js)', () => {
  let server: AppRun | undefined;
  beforeAll(() => generateCertificates({ outDir: certsDir() }));
  afterEach(async () => {
    await server?.stop('SIGTERM');
    server = undefined;
  });

  it('serves over TLS with the given certificate and stops cleanly on SIGTERM', async () => {
    server = startScript(script, { env: { PAYLOAD_CODEC_KEYS: keyFor('v1'), CODEC_SERVER_PORT: '0', ...tls() } });
    const url = `${await listening(server)}/encode`;
    const body = JSON.stringify({ payloads: [{ metadata: {}, data: Buffer.from('"x"').toString('base64') }] });
    const response = await postHttps(url, body);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text).payloads).toHaveLength(1);
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.output()).toMatch(/^Codec server stopped\.$/m);
  });

  describe('behind the Web UI: POST /<namespace>/decode with the user access token the UI forwards', () => {
    const ISSUER = 'https://login.sample.local/';
    const AUDIENCE = 'temporal-ui';
    const signingKey = newSigningKey();
    let jwks: JwksServer;
    let base: string;

    beforeAll(async () => {
      jwks = await startJwksServer([signingKey]);
    });
    afterAll(() => jwks?.close());

    beforeEach(async () => {
      server = startScript(script, {
        env: {
          PAYLOAD_CODEC_KEYS: '',
          PAYLOAD_CODEC_KEYS_SAMPLES: keyFor('samples-v1'),
          PAYLOAD_CODEC_KEYS_BILLING: keyFor('billing-v1'),
          CODEC_SERVER_NAMESPACES: 'samples,billing',
          CODEC_SERVER_PORT: '0',
          CODEC_SERVER_JWKS_URL: jwks.url,
          CODEC_SERVER_JWT_ISSUER: ISSUER,
          CODEC_SERVER_JWT_AUDIENCE: AUDIENCE,
          ...tls(),
        },
      });
      base = await listening(server);
    });

    const token = (request: Partial<TokenRequest>, key = signingKey) =>
      mintToken(key, {
        namespace: 'samples',
        role: 'read',
        ttlSeconds: 300,
        issuer: ISSUER,
        audience: AUDIENCE,
        ...request,
      });
    const call = (path: string, body: unknown, bearer: string, namespace = 'samples') =>
      postHttps(`${base}${path}`, JSON.stringify(body), {
        'X-Namespace': namespace,
        Authorization: `Bearer ${bearer}`,
      });
    const ada = { payloads: [{ metadata: {}, data: Buffer.from('"Ada Secret"').toString('base64') }] };

    it('decodes for a user whose token grants the namespace; the same token is refused on another namespace', async () => {
      expect(await server?.waitFor(/^Users' access tokens: checked against /)).toContain(jwks.url);
      const encoded = await call('/samples/encode', ada, token({ role: 'write' }));
      expect(encoded.status).toBe(200);
      expect(encoded.text).not.toContain(Buffer.from('"Ada Secret"').toString('base64'));

      const decoded = await call('/samples/decode', JSON.parse(encoded.text), token({ role: 'read' }));
      expect(decoded.status).toBe(200);
      expect(Buffer.from(JSON.parse(decoded.text).payloads[0].data, 'base64').toString()).toBe('"Ada Secret"');

      const elsewhere = await call('/billing/decode', JSON.parse(encoded.text), token({ role: 'read' }), 'billing');
      expect(elsewhere.status).toBe(403);
      expect(JSON.parse(elsewhere.text).error).toBe(
        'the access token of "read@samples" grants no role on namespace "billing"',
      );
      const billingUser = token({ namespace: 'billing', role: 'admin' });
      const wrongKeys = await call('/billing/decode', JSON.parse(encoded.text), billingUser, 'billing');
      expect(wrongKeys.status).toBe(422);
      expect(JSON.parse(wrongKeys.text).error).toMatch(
        /key "samples-v1", which is not among the loaded keys \(billing-v1\)/,
      );
    });

    it('refuses with 401 tokens from a key outside the JWKS, for another audience, expired, or none', async () => {
      const refusals: [string | undefined, RegExp][] = [
        [token({}, newSigningKey()), /no signing key "[\w-]+" in http:\/\/127\.0\.0\.1:\d+\/\.well-known\/jwks\.json/],
        [token({ audience: 'another-app' }), /its audience is "another-app", not "temporal-ui"/],
        [token({ issuer: undefined }), /its issuer is "", not "https:\/\/login\.sample\.local\/"/],
        [token({ now: new Date(Date.now() - 3600_000) }), /it expired at/],
        [undefined, /missing bearer token/],
      ];
      for (const [bearer, reason] of refusals) {
        const headers: Record<string, string> = bearer ? { Authorization: `Bearer ${bearer}` } : {};
        const reply = await postHttps(`${base}/samples/decode`, JSON.stringify(ada), headers);
        expect([reply.status, JSON.parse(reply.text).error]).toEqual([401, expect.stringMatching(reason)]);
      }
    });
  });

  it('refuses to start without keys, with exit 1 and where it looked', async () => {
    server = startScript(script, { env: { PAYLOAD_CODEC_KEYS: '' } });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(
      /PAYLOAD_CODEC_KEYS is not set; looked in process environment, .*apps\/codec-server\/\.env/,
    );
  });

  it('refuses to start with a JWKS URL but no audience, naming what is missing', async () => {
    server = startScript(script, {
      env: {
        PAYLOAD_CODEC_KEYS: keyFor('v1'),
        CODEC_SERVER_JWKS_URL: 'https://login.example.com/.well-known/jwks.json',
        CODEC_SERVER_JWT_ISSUER: 'https://login.example.com/',
      },
    });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/CODEC_SERVER_JWKS_URL is set, but CODEC_SERVER_JWT_AUDIENCE is not/);
  });
});
