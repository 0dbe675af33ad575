import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AesGcmCodec } from '../../aes-gcm-codec';
import { createKeyring } from '../../keyring';
import { createCodecHandler } from '../codec-handler';
import { namespaceAccess } from './namespace-access';

const ISSUER = 'https://login.example.com/';
const AUDIENCE = 'temporal-ui';
const STATIC_TOKEN = 'codec-secret';
const signingKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwk = { ...signingKey.publicKey.export({ format: 'jwk' }), kid: 'idp-1', alg: 'ES256', use: 'sig' };
const encodePart = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function userToken(permissions: string[], claims: Record<string, unknown> = {}): string {
  const body = { sub: 'ada@example.com', iss: ISSUER, aud: AUDIENCE, exp: Date.now() / 1000 + 300, permissions };
  const signed = `${encodePart({ alg: 'ES256', kid: 'idp-1' })}.${encodePart({ ...body, ...claims })}`;
  const signature = sign('sha256', Buffer.from(signed), { key: signingKey.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${signed}.${signature.toString('base64url')}`;
}

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

describe('the codec server with users access tokens checked against a JWKS, over real HTTP', () => {
  const jwks = createServer((_, response) => response.end(JSON.stringify({ keys: [jwk] })));
  let codecServer: Server;
  let base: string;

  beforeAll(async () => {
    const jwksUrl = `${await listen(jwks)}/.well-known/jwks.json`;
    const codecFor = () => new AesGcmCodec(createKeyring([{ id: 'v1', key: randomBytes(32) }]));
    codecServer = createServer(
      createCodecHandler({
        codecs: new Map([
          ['samples', codecFor()],
          ['billing', codecFor()],
        ]),
        allowedOrigins: [],
        authToken: STATIC_TOKEN,
        namespaceAccess: namespaceAccess({
          jwksUrl,
          issuer: ISSUER,
          audience: AUDIENCE,
          permissionsClaim: 'permissions',
        }),
        maxBodyBytes: 64 * 1024,
      }),
    );
    base = await listen(codecServer);
  });

  afterAll(async () => {
    await new Promise((resolve) => codecServer.close(resolve));
    await new Promise((resolve) => jwks.close(resolve));
  });

  const body = JSON.stringify({ payloads: [{ metadata: {}, data: Buffer.from('"Ada"').toString('base64') }] });
  const encode = (namespace: string, token: string) =>
    fetch(`${base}/${namespace}/encode`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Namespace': namespace, Authorization: `Bearer ${token}` },
      body,
    });
  const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;

  it('accepts a token that grants a role on the namespace, and the static token for any namespace', async () => {
    expect((await encode('samples', userToken(['samples:read']))).status).toBe(200);
    expect((await encode('billing', userToken(['system:admin']))).status).toBe(200);
    expect((await encode('billing', STATIC_TOKEN)).status).toBe(200);
  });

  it('refuses with 403 a valid token that grants another namespace, naming both', async () => {
    const response = await encode('billing', userToken(['samples:admin']));
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toBe('the access token of "ada@example.com" grants no role on namespace "billing"');
  });

  it('refuses with 401 a token for another audience or issuer, or one expired, saying why', async () => {
    const refused = [
      [userToken(['samples:read'], { aud: 'another-app' }), /audience is "another-app", not "temporal-ui"/],
      [userToken(['samples:read'], { iss: 'https://elsewhere/' }), /issuer is "https:\/\/elsewhere\/"/],
      [userToken(['samples:read'], { exp: Date.now() / 1000 - 600 }), /expired at/],
      ['wrong', /not a JWT/],
    ] as const;
    for (const [token, reason] of refused) {
      const response = await encode('samples', token);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(await errorOf(response)).toMatch(reason);
    }
  });
});
