import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDuration } from '../cli/duration';
import { mintToken } from './mint-token';
import { loadOrCreateSigningKey, newSigningKey, SIGNING_KEY_FILE } from './signing-key';

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

describe('tokens for the cloud-like cluster', () => {
  it('mints an ES256 JWT with the kid, <namespace>:<role> permissions and an expiry', () => {
    const key = newSigningKey();
    const now = new Date('2030-01-01T00:00:00Z');
    const [header, payload, signature] = mintToken(key, {
      namespace: 'sample.local01',
      role: 'read',
      ttlSeconds: 90,
      now,
    }).split('.');

    expect(decode(header)).toEqual({ alg: 'ES256', typ: 'JWT', kid: key.kid });
    expect(decode(payload)).toMatchObject({ permissions: ['sample.local01:read'], iat: 1893455995, exp: 1893456090 });
    const publicKey = createPublicKey({ key: key.publicJwk as never, format: 'jwk' });
    const signed = verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      { key: publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature, 'base64url'),
    );
    expect(signed).toBe(true);
  });

  it('keeps one signing key per certs folder, private and stable across loads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jwt-'));
    try {
      const first = loadOrCreateSigningKey(dir);
      expect(loadOrCreateSigningKey(dir).kid).toBe(first.kid);
      expect(statSync(join(dir, SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
      expect(first.publicJwk).not.toHaveProperty('d');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['90s', 90],
    ['15m', 900],
    ['2h', 7200],
    ['7d', 604800],
    ['45', 45],
  ])('reads the duration %s as %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', 'soon', '1y', '0s', '-5m'])('refuses the duration "%s"', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});
