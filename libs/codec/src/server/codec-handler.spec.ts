import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AesGcmCodec } from '../aes-gcm-codec';
import { createKeyring } from '../keyring';
import { createCodecHandler, type CodecRefusal } from './codec-handler';

const UI = 'http://localhost:8233';
const TOKEN = 'codec-secret';

interface Body {
  payloads: { metadata: Record<string, string>; data: string }[];
  error?: string;
}
const bodyOf = async (response: Response) => (await response.json()) as Body;

describe('codec server over real HTTP', () => {
  let server: Server;
  let base: string;
  const refusals: CodecRefusal[] = [];

  beforeAll(async () => {
    const codec = new AesGcmCodec(createKeyring([{ id: 'v1', key: randomBytes(32) }]));
    server = createServer(
      createCodecHandler({
        codecs: new Map([['samples', codec]]),
        allowedOrigins: [UI],
        authToken: TOKEN,
        maxBodyBytes: 64 * 1024,
        onRefused: (refusal) => refusals.push(refusal),
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const json = {
    payloads: [
      {
        metadata: { encoding: Buffer.from('json/plain').toString('base64') },
        data: Buffer.from('"Ada"').toString('base64'),
      },
    ],
  };
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Namespace': 'samples',
        Authorization: `Bearer ${TOKEN}`,
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('encodes, then decodes back to the same payloads', async () => {
    const encoded = await bodyOf(await post('/encode', json));
    expect(Buffer.from(encoded.payloads[0].metadata.encoding, 'base64').toString()).toBe('binary/encrypted');
    expect(Buffer.from(encoded.payloads[0].data, 'base64').toString()).not.toContain('Ada');
    const decoded = await bodyOf(await post('/decode', encoded));
    expect(decoded).toEqual(json);
  });

  it('routes on the last path segment, so the endpoint may carry a path (one per namespace)', async () => {
    const encoded = await bodyOf(await post('/samples/encode', json));
    expect((await bodyOf(await post('/codec/samples/decode', encoded))).payloads).toEqual(json.payloads);
    expect((await post('/samples//decode', encoded)).status).toBe(200);
    expect((await post('/samples/decode?x=1', encoded)).status).toBe(200);
  });

  it('refuses a request without X-Namespace with 400, naming the header', async () => {
    const response = await post('/decode', json, { 'X-Namespace': '' });
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).error).toMatch(/X-Namespace header is missing/);
  });

  it('refuses a missing or wrong bearer token with 401, and reports each refusal without the token', async () => {
    refusals.length = 0;
    expect((await post('/decode', json, { Authorization: '' })).status).toBe(401);
    expect((await post('/samples/decode', json, { Authorization: 'Bearer nope' })).status).toBe(401);
    expect(refusals).toEqual([
      { status: 401, reason: expect.stringMatching(/missing bearer token/), namespace: 'samples', path: '/decode' },
      { status: 401, reason: 'wrong bearer token', namespace: 'samples', path: '/samples/decode' },
    ]);
    expect(JSON.stringify(refusals)).not.toContain('nope');
  });

  it('answers the Web UI origin preflight, and refuses other origins', async () => {
    const preflight = (origin: string) =>
      fetch(`${base}/decode`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
    const allowed = await preflight(UI);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(UI);
    expect(allowed.headers.get('access-control-allow-headers')).toContain('X-Namespace');
    const refused = await preflight('http://evil.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a namespace it holds no keys for, naming it', async () => {
    const response = await post('/decode', json, { 'X-Namespace': 'other' });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'no keys for namespace "other" here' });
  });

  it('refuses a body over the limit with 413', async () => {
    const big = { payloads: [{ metadata: {}, data: randomBytes(100 * 1024).toString('base64') }] };
    expect((await post('/encode', big)).status).toBe(413);
  });

  it('answers malformed input with 400, unknown paths with 404 and GET with 405', async () => {
    expect((await post('/decode', 'not json')).status).toBe(400);
    expect((await post('/decode', { payloads: 'x' })).status).toBe(400);
    expect((await post('/elsewhere', json)).status).toBe(404);
    expect((await post('/decode/elsewhere', json)).status).toBe(404);
    expect((await fetch(`${base}/decode`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(405);
  });

  it('answers a payload it cannot decrypt with 422 and the reason', async () => {
    const encoded = await bodyOf(await post('/encode', json));
    encoded.payloads[0].metadata['encryption-key-id'] = Buffer.from('v9').toString('base64');
    const response = await post('/decode', encoded);
    expect(response.status).toBe(422);
    expect((await bodyOf(response)).error).toMatch(/key "v9", which is not among the loaded keys/);
  });
});
