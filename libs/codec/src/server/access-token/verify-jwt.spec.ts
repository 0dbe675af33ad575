import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { AccessTokenError } from './access-token-error';
import { verifyJwt, type JwtClaims } from './verify-jwt';

const expected = { issuer: 'https://login.example.com/', audience: 'temporal-ui' };
const now = () => Math.floor(Date.now() / 1000);
const valid = (): JwtClaims => ({ sub: 'ada', iss: expected.issuer, aud: expected.audience, exp: now() + 60 });
const encodePart = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function jwt(alg: string, key: KeyObject, claims: JwtClaims, options: object = {}): string {
  const signed = `${encodePart({ alg, kid: 'k1' })}.${encodePart(claims)}`;
  const hash = alg === 'EdDSA' ? null : `sha${alg.slice(2)}`;
  return `${signed}.${sign(hash, Buffer.from(signed), { key, ...options }).toString('base64url')}`;
}

const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const lookup = (publicKey: KeyObject) => async () => publicKey;

describe('verifyJwt', () => {
  it.each([
    ['ES256', ec, { dsaEncoding: 'ieee-p1363' }],
    ['RS256', generateKeyPairSync('rsa', { modulusLength: 2048 }), {}],
    ['PS256', generateKeyPairSync('rsa', { modulusLength: 2048 }), { padding: 6, saltLength: 32 }],
    ['EdDSA', generateKeyPairSync('ed25519'), {}],
  ])('accepts a %s token with the expected issuer and audience', async (alg, pair, options) => {
    const claims = { ...valid(), aud: ['other', expected.audience] };
    await expect(
      verifyJwt(jwt(alg, pair.privateKey, claims, options), lookup(pair.publicKey), expected),
    ).resolves.toEqual(claims);
  });

  const refusals: [string, () => string, RegExp][] = [
    [
      'expired',
      () => jwt('ES256', ec.privateKey, { ...valid(), exp: now() - 120 }, { dsaEncoding: 'ieee-p1363' }),
      /expired at/,
    ],
    [
      'not yet valid',
      () => jwt('ES256', ec.privateKey, { ...valid(), nbf: now() + 600 }, { dsaEncoding: 'ieee-p1363' }),
      /not valid before/,
    ],
    [
      'from another issuer',
      () => jwt('ES256', ec.privateKey, { ...valid(), iss: 'https://evil/' }, { dsaEncoding: 'ieee-p1363' }),
      /issuer is "https:\/\/evil\/"/,
    ],
    [
      'for another audience',
      () => jwt('ES256', ec.privateKey, { ...valid(), aud: 'api' }, { dsaEncoding: 'ieee-p1363' }),
      /audience is "api", not "temporal-ui"/,
    ],
    [
      'without expiry',
      () => jwt('ES256', ec.privateKey, { ...valid(), exp: undefined }, { dsaEncoding: 'ieee-p1363' }),
      /no expiry/,
    ],
    [
      'signed by another key',
      () =>
        jwt('ES256', generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey, valid(), {
          dsaEncoding: 'ieee-p1363',
        }),
      /signature does not verify/,
    ],
    [
      'with alg none',
      () => `${encodePart({ alg: 'none' })}.${encodePart(valid())}.`,
      /algorithm "none" is not accepted/,
    ],
    [
      'with a shared-secret alg',
      () => `${encodePart({ alg: 'HS256' })}.${encodePart(valid())}.c2ln`,
      /algorithm "HS256" is not accepted/,
    ],
    ['that is not a JWT', () => 'not-a-token', /not a JWT/],
  ];
  it.each(refusals)('refuses a token %s, saying why', async (_, token, reason) => {
    const refused = verifyJwt(token(), lookup(ec.publicKey), expected);
    await expect(refused).rejects.toThrow(AccessTokenError);
    await expect(refused).rejects.toThrow(reason);
  });

  it('refuses an ES256 token whose key is on another curve', async () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const token = jwt('ES256', p384.privateKey, valid(), { dsaEncoding: 'ieee-p1363' });
    await expect(verifyJwt(token, lookup(p384.publicKey), expected)).rejects.toThrow(/cannot verify ES256/);
  });
});
