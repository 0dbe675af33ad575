/**
 * Makes the unit tests' PEM material once per run, so no key is ever committed: a CA, and a
 * client certificate it issues (leaf, clientAuth, valid until 2126) with its PKCS#8 key.
 */
import 'reflect-metadata';
import { webcrypto, type webcrypto as WebCrypto } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';

export const FIXTURES_DIR_VARIABLE = 'CONNECTION_TEST_PEM_DIR';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const NOT_AFTER = new Date('2126-10-29T00:00:00Z');

function pem(label: string, der: ArrayBuffer): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`, ''].join('\n');
}

export default async function makeFixtures(): Promise<void> {
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
  const generate = () =>
    webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']) as Promise<WebCrypto.CryptoKeyPair>;
  const [caKeys, clientKeys] = await Promise.all([generate(), generate()]);
  const notBefore = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    name: 'CN=Unit Test CA',
    keys: caKeys,
    notBefore,
    notAfter: NOT_AFTER,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  const client = await x509.X509CertificateGenerator.create({
    subject: 'CN=unit-test-client',
    issuer: ca.subject,
    notBefore,
    notAfter: NOT_AFTER,
    publicKey: clientKeys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), 'connection-pem-'));
  writeFileSync(join(dir, 'ca.pem'), pem('CERTIFICATE', ca.rawData));
  writeFileSync(join(dir, 'client.pem'), pem('CERTIFICATE', client.rawData));
  writeFileSync(
    join(dir, 'client.key'),
    pem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', clientKeys.privateKey)),
    { mode: 0o600 },
  );
  process.env[FIXTURES_DIR_VARIABLE] = dir;
}
