import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR_VARIABLE } from './global-setup';

/** Material made for this run by global-setup.ts; nothing secret lives in the repository. */
function fixture(file: string): string {
  const dir = process.env[FIXTURES_DIR_VARIABLE];
  if (!dir)
    throw new Error(
      `${FIXTURES_DIR_VARIABLE} is unset: run these tests through jest.config.js, whose globalSetup makes the PEM fixtures.`,
    );
  return readFileSync(join(dir, file), 'utf8');
}

/** A syntactically valid PEM block (64-column body, LF line ends); the library checks labels, not DER. */
export function pemBlock(label: string, der: Buffer = randomBytes(320)): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`, ''].join('\n');
}

/** Matches text that starts with a PEM block of this label. */
export const pemHeader = (label: string): RegExp => new RegExp(`^-----BEGIN ${label}-----`);

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
