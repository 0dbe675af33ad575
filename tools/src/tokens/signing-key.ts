import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: Record<string, unknown>;
}

export const SIGNING_KEY_FILE = join('jwt', 'signing-key.pem');

function fromPrivateKey(privateKey: KeyObject): SigningKey {
  const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const kid = createHash('sha256').update(JSON.stringify(publicJwk)).digest('base64url').slice(0, 16);
  return { kid, privateKey, publicJwk: { ...publicJwk, kid, alg: 'ES256', use: 'sig' } };
}

/** A fresh ES256 (ECDSA P-256) signing key, e.g. one the cluster does not publish. */
export function newSigningKey(): SigningKey {
  return fromPrivateKey(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
}

/** The cloud-like cluster's token signing key, kept beside the certificates (0600); made on first use. */
export function loadOrCreateSigningKey(certsDir: string): SigningKey {
  const file = join(certsDir, SIGNING_KEY_FILE);
  if (existsSync(file)) return fromPrivateKey(createPrivateKey(readFileSync(file)));
  const key = newSigningKey();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, key.privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}
