/** Key pairs: making them, PKCS#8 PEM in and out, and telling which certificate a key belongs to. */
import { createHash, createPrivateKey, createPublicKey, webcrypto } from 'node:crypto';
import { CertMaterialError } from './errors';
import { x509 } from './x509';

export type KeyAlgorithm = 'ecdsa' | 'rsa';
export type CryptoKey = webcrypto.CryptoKey;
export type CryptoKeyPair = webcrypto.CryptoKeyPair;

const KEY_PARAMS = {
  ecdsa: { name: 'ECDSA', namedCurve: 'P-256' },
  rsa: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
} as const;

export function generateKeyPair(algorithm: KeyAlgorithm): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(KEY_PARAMS[algorithm], true, ['sign', 'verify']);
}

/** The algorithm a certificate is signed with, SHA-256 with the issuer's key type. */
export function signingAlgorithmFor(issuerKey: CryptoKey): { name: string; hash: string } {
  return { name: issuerKey.algorithm.name, hash: 'SHA-256' };
}

export async function privateKeyPem(key: CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY') + '\n';
}

/** A signing key from PKCS#8 PEM; `file` only names it in errors. */
export async function importPrivateKey(pem: string, file: string): Promise<CryptoKey> {
  const key = parsePrivateKey(pem, file);
  const der = key.export({ type: 'pkcs8', format: 'der' });
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType === 'ec' && (details?.namedCurve === 'prime256v1' || details?.namedCurve === 'secp384r1')) {
    const namedCurve = details.namedCurve === 'prime256v1' ? 'P-256' : 'P-384';
    return webcrypto.subtle.importKey('pkcs8', der, { name: 'ECDSA', namedCurve }, true, ['sign']);
  }
  if (key.asymmetricKeyType === 'rsa') {
    return webcrypto.subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['sign']);
  }
  throw new CertMaterialError(
    file,
    `holds a ${key.asymmetricKeyType ?? 'unknown'} key, which these tools do not sign with (ECDSA P-256 or RSA only).`,
  );
}

function parsePrivateKey(pem: string, file: string) {
  try {
    return createPrivateKey(pem);
  } catch (error) {
    throw new CertMaterialError(file, `is not a readable PEM private key (${(error as Error).message}).`);
  }
}

/** SHA-256 of a public key (SubjectPublicKeyInfo DER), in the colon-separated form openssl prints. */
export function publicKeyFingerprint(keyPem: string): string {
  return colonHex(createHash('sha256').update(publicKeyDer(keyPem)).digest());
}

export function keyMatchesCertificate(keyPem: string, certificate: x509.X509Certificate): boolean {
  try {
    return publicKeyDer(keyPem).equals(Buffer.from(certificate.publicKey.rawData));
  } catch {
    return false;
  }
}

/** e.g. `ECDSA P-256`, `RSA 2048`, from a certificate's public key. */
export function describeKey(publicKey: x509.PublicKey): string {
  const algorithm = publicKey.algorithm as { name: string; namedCurve?: string; modulusLength?: number };
  if (algorithm.namedCurve) return `ECDSA ${algorithm.namedCurve}`;
  if (algorithm.modulusLength) return `RSA ${algorithm.modulusLength}`;
  return algorithm.name;
}

export function colonHex(bytes: ArrayBuffer | Uint8Array): string {
  return Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes))
    .toString('hex')
    .toUpperCase()
    .replace(/(..)(?!$)/g, '$1:');
}

const CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

/** The same description for a PEM private key, read without exposing it. */
export function describePrivateKey(keyPem: string): string {
  const key = createPrivateKey(keyPem);
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'ec') return `ECDSA ${CURVES[details.namedCurve ?? ''] ?? details.namedCurve}`;
  if (key.asymmetricKeyType === 'rsa') return `RSA ${details.modulusLength}`;
  return key.asymmetricKeyType ?? 'unknown';
}

function publicKeyDer(keyPem: string): Buffer {
  return createPublicKey(keyPem).export({ type: 'spki', format: 'der' });
}
