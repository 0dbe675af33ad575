import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const fixture = (file: string) => readFileSync(join(__dirname, 'fixtures', file), 'utf8');

/** A syntactically valid PEM block (64-column body, LF line ends); the library checks labels, not DER. */
export function pemBlock(label: string, der: Buffer = randomBytes(320)): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`, ''].join('\n');
}

/** A client certificate (leaf, clientAuth, valid until 2126) issued by `caCertificatePem()`. */
export const certificatePem = (): string => fixture('client.pem');

/** The PKCS#8 key of `certificatePem()`. */
export const privateKeyPem = (): string => fixture('client.key');

/** A self-signed CA certificate (basicConstraints CA:TRUE). */
export const caCertificatePem = (): string => fixture('ca.pem');

/** A fresh PKCS#8 EC private key that belongs to no certificate. */
export function unrelatedPrivateKeyPem(): string {
  return generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
}

/** The base64 body of a PEM block, on one line. */
export const pemBody = (pem: string): string =>
  pem
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('-----'))
    .join('');

/** The ways environment systems hand over multi-line PEM text. */
export const mangled = {
  escapedNewlines: (pem: string): string => pem.replace(/\n/g, '\\n'),
  crlf: (pem: string): string => pem.replace(/\n/g, '\r\n'),
  indented: (pem: string): string => pem.replace(/^/gm, '    '),
  foldedOntoOneLine: (pem: string): string => pem.trim().split('\n').join(' '),
};
