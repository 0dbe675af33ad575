/** Writing and reading the folder's PEM files. Keys are 0600, everything else 0644, written atomically. */
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { CertMaterialError } from './errors';
import { x509 } from './x509';

export const KEY_MODE = 0o600;
export const PUBLIC_MODE = 0o644;

export function writeAtomically(path: string, text: string, mode: number): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode });
  chmodSync(temporary, mode);
  renameSync(temporary, path);
}

export const writePrivateKey = (path: string, pem: string) => writeAtomically(path, pem, KEY_MODE);
export const writePublicFile = (path: string, text: string) => writeAtomically(path, text, PUBLIC_MODE);

export const certificatePem = (certificate: x509.X509Certificate) => certificate.toString('pem') + '\n';

/** A certificate and its key as stored, or undefined when either file is missing. */
export interface StoredPair {
  certificate: x509.X509Certificate;
  keyPem: string;
}

export function readStoredPair(certPath: string, keyPath: string, certName: string): StoredPair | undefined {
  if (!existsSync(certPath) || !existsSync(keyPath)) return undefined;
  return { certificate: readCertificate(certPath, certName), keyPem: readFileSync(keyPath, 'utf8') };
}

export function readCertificate(path: string, name = path): x509.X509Certificate {
  try {
    return new x509.X509Certificate(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CertMaterialError(name, `is not a readable PEM certificate (${(error as Error).message}).`);
  }
}
