/** Self-signed certificate authorities: one signs the server's certificates, another the clients'. */
import { signingAlgorithmFor, type CryptoKey, type CryptoKeyPair } from './keys';
import type { Validity } from './validity';
import { x509 } from './x509';

export const SERVER_CA_NAME = 'Temporal Local Server CA';
export const CLIENT_CA_NAME = 'Temporal Local Client CA';

/** A CA ready to sign: its certificate, its private key and the file it came from. */
export interface Issuer {
  certificate: x509.X509Certificate;
  privateKey: CryptoKey;
  file: string;
}

export async function createCa(
  commonName: string,
  keys: CryptoKeyPair,
  validity: Validity,
): Promise<x509.X509Certificate> {
  return x509.X509CertificateGenerator.createSelfSigned({
    name: [{ CN: [commonName] }],
    keys,
    ...validity,
    signingAlgorithm: signingAlgorithmFor(keys.privateKey),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
}
