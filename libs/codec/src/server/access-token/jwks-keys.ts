import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { AccessTokenError } from './access-token-error';

export interface JwksKeysOptions {
  url: string;
  /** How long a fetched key set is used before it is fetched again. */
  maxAgeMs?: number;
  /** An unknown `kid` fetches the set again (key rotation), but not more often than this. */
  refetchAfterMs?: number;
  timeoutMs?: number;
}

interface Jwk extends JsonWebKey {
  kid?: string;
  alg?: string;
  use?: string;
}

/** The public keys a JWKS URL publishes, fetched on first use, cached, and fetched again on rotation. */
export function jwksKeys({ url, maxAgeMs = 10 * 60_000, refetchAfterMs = 30_000, timeoutMs = 5_000 }: JwksKeysOptions) {
  let keys: Jwk[] = [];
  let fetchedAt = -Infinity;
  let pending: Promise<void> | undefined;

  async function fetchKeys(): Promise<void> {
    let body: { keys?: unknown };
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      body = (await response.json()) as { keys?: unknown };
    } catch (error) {
      throw new AccessTokenError(`the key set at ${url} could not be read (${(error as Error).message})`);
    }
    if (!Array.isArray(body.keys)) throw new AccessTokenError(`${url} is not a JWKS: it has no "keys" list`);
    keys = body.keys as Jwk[];
    fetchedAt = Date.now();
  }

  const refresh = () => (pending ??= fetchKeys().finally(() => (pending = undefined)));

  const find = (kid: string | undefined) =>
    keys.find((key) => key.use !== 'enc' && (kid === undefined ? keys.length === 1 : key.kid === kid));

  return async function keyFor(kid: string | undefined, alg: string): Promise<KeyObject> {
    const age = Date.now() - fetchedAt;
    if (age > maxAgeMs || (!find(kid) && age > refetchAfterMs)) await refresh();
    const jwk = find(kid);
    if (!jwk)
      throw new AccessTokenError(`no signing key ${kid === undefined ? 'without a kid' : `"${kid}"`} in ${url}`);
    if (jwk.alg !== undefined && jwk.alg !== alg)
      throw new AccessTokenError(`key "${kid}" is for ${jwk.alg}, the token is signed ${alg}`);
    try {
      return createPublicKey({ key: jwk, format: 'jwk' });
    } catch {
      throw new AccessTokenError(`key "${kid}" in ${url} is not a usable public key`);
    }
  };
}

export type KeyLookup = ReturnType<typeof jwksKeys>;
