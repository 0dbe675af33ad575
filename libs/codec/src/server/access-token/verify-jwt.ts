import { constants, verify, type VerifyKeyObjectInput } from 'node:crypto';
import { AccessTokenError } from './access-token-error';
import type { KeyLookup } from './jwks-keys';

export interface JwtClaims {
  sub?: string;
  iss?: string;
  aud?: string | string[];
  exp?: number;
  nbf?: number;
  [claim: string]: unknown;
}

export interface JwtExpectations {
  issuer: string;
  audience: string;
  /** Clock skew tolerated on `exp` and `nbf`. */
  leewaySeconds?: number;
}

interface Algorithm {
  hash: string | null;
  keyTypes: string[];
  curve?: string;
  options?: Partial<VerifyKeyObjectInput>;
}

const pss = { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST };
const ecdsa = { dsaEncoding: 'ieee-p1363' as const };

/** Asymmetric algorithms only: `none` and shared-secret HMAC are refused. */
const ALGORITHMS: Record<string, Algorithm> = {
  RS256: { hash: 'sha256', keyTypes: ['rsa'] },
  RS384: { hash: 'sha384', keyTypes: ['rsa'] },
  RS512: { hash: 'sha512', keyTypes: ['rsa'] },
  PS256: { hash: 'sha256', keyTypes: ['rsa', 'rsa-pss'], options: pss },
  PS384: { hash: 'sha384', keyTypes: ['rsa', 'rsa-pss'], options: pss },
  PS512: { hash: 'sha512', keyTypes: ['rsa', 'rsa-pss'], options: pss },
  ES256: { hash: 'sha256', keyTypes: ['ec'], curve: 'prime256v1', options: ecdsa },
  ES384: { hash: 'sha384', keyTypes: ['ec'], curve: 'secp384r1', options: ecdsa },
  ES512: { hash: 'sha512', keyTypes: ['ec'], curve: 'secp521r1', options: ecdsa },
  EdDSA: { hash: null, keyTypes: ['ed25519', 'ed448'] },
};

function part<T>(text: string, what: string): T {
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as T;
  } catch {
    throw new AccessTokenError(`it is not a JWT (its ${what} is not base64url JSON)`);
  }
}

function verifiesOrFalse(hash: string | null, signed: Buffer, key: VerifyKeyObjectInput, signature: Buffer): boolean {
  try {
    return verify(hash, signed, key, signature);
  } catch {
    return false;
  }
}

function checkClaims(claims: JwtClaims, { issuer, audience, leewaySeconds = 30 }: JwtExpectations): void {
  const now = Date.now() / 1000;
  if (typeof claims.exp !== 'number') throw new AccessTokenError('it has no expiry (exp)');
  if (now > claims.exp + leewaySeconds)
    throw new AccessTokenError(`it expired at ${new Date(claims.exp * 1000).toISOString()}`);
  if (typeof claims.nbf === 'number' && now < claims.nbf - leewaySeconds)
    throw new AccessTokenError(`it is not valid before ${new Date(claims.nbf * 1000).toISOString()}`);
  if (claims.iss !== issuer) throw new AccessTokenError(`its issuer is "${claims.iss ?? ''}", not "${issuer}"`);
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(audience))
    throw new AccessTokenError(`its audience is ${JSON.stringify(claims.aud ?? '')}, not "${audience}"`);
}

/** Verifies a compact JWS signed with a key from the lookup, then its expiry, issuer and audience. */
export async function verifyJwt(token: string, keyFor: KeyLookup, expected: JwtExpectations): Promise<JwtClaims> {
  const [headerText, payloadText, signatureText, ...rest] = token.split('.');
  if (signatureText === undefined || rest.length > 0) throw new AccessTokenError('it is not a JWT (three parts)');
  const header = part<{ alg?: string; kid?: string; crit?: unknown }>(headerText, 'header');
  const algorithm = ALGORITHMS[header.alg ?? ''];
  if (!algorithm) throw new AccessTokenError(`its algorithm "${header.alg ?? ''}" is not accepted`);
  if (header.crit !== undefined) throw new AccessTokenError('it has critical header extensions');
  const key = await keyFor(header.kid, header.alg as string);
  const fits =
    algorithm.keyTypes.includes(key.asymmetricKeyType ?? '') &&
    (!algorithm.curve || key.asymmetricKeyDetails?.namedCurve === algorithm.curve);
  if (!fits) throw new AccessTokenError(`key "${header.kid}" cannot verify ${header.alg}`);
  const input: VerifyKeyObjectInput = { key, ...algorithm.options };
  const signed = Buffer.from(`${headerText}.${payloadText}`);
  if (!verifiesOrFalse(algorithm.hash, signed, input, Buffer.from(signatureText, 'base64url')))
    throw new AccessTokenError('its signature does not verify');
  const claims = part<JwtClaims>(payloadText, 'payload');
  checkClaims(claims, expected);
  return claims;
}
