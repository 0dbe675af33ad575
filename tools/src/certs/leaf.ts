/** End-entity certificates signed by a CA: the frontend and internode servers, and clients. */
import type { Issuer } from './ca';
import { signingAlgorithmFor, type CryptoKeyPair } from './keys';
import type { Validity } from './validity';
import { x509 } from './x509';

export type LeafKind = 'server' | 'client';
export type Usage = 'serverAuth' | 'clientAuth';

export interface LeafProfile {
  kind: LeafKind;
  commonName: string;
  dnsNames: string[];
  ipAddresses: string[];
  usages: Usage[];
}

const LOOPBACK = { dnsNames: ['localhost'], ipAddresses: ['127.0.0.1', '::1'] };

export function frontendProfile(serverName: string, extraServerNames: string[] = []): LeafProfile {
  return {
    kind: 'server',
    commonName: serverName,
    dnsNames: [...LOOPBACK.dnsNames, serverName, ...extraServerNames],
    ipAddresses: LOOPBACK.ipAddresses,
    usages: ['serverAuth'],
  };
}

/** The cluster's services dial each other with it too, hence clientAuth as well. */
export function internodeProfile(serverName: string): LeafProfile {
  const name = `internode.${serverName}`;
  return {
    kind: 'server',
    commonName: name,
    dnsNames: [...LOOPBACK.dnsNames, name],
    ipAddresses: LOOPBACK.ipAddresses,
    usages: ['serverAuth', 'clientAuth'],
  };
}

export function clientProfile(name: string): LeafProfile {
  return { kind: 'client', commonName: name, dnsNames: [], ipAddresses: [], usages: ['clientAuth'] };
}

export async function createLeaf(
  profile: LeafProfile,
  keys: CryptoKeyPair,
  issuer: Issuer,
  validity: Validity,
): Promise<x509.X509Certificate> {
  const keyUsage =
    keys.publicKey.algorithm.name === 'ECDSA'
      ? x509.KeyUsageFlags.digitalSignature
      : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment;
  const names = [
    ...profile.dnsNames.map((value) => ({ type: 'dns' as const, value })),
    ...profile.ipAddresses.map((value) => ({ type: 'ip' as const, value })),
  ];
  return x509.X509CertificateGenerator.create({
    subject: [{ CN: [profile.commonName] }],
    issuer: issuer.certificate.subjectName,
    publicKey: keys.publicKey,
    signingKey: issuer.privateKey,
    ...validity,
    signingAlgorithm: signingAlgorithmFor(issuer.privateKey),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(keyUsage, true),
      new x509.ExtendedKeyUsageExtension(profile.usages.map((usage) => x509.ExtendedKeyUsage[usage])),
      ...(names.length > 0 ? [new x509.SubjectAlternativeNameExtension(names)] : []),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.certificate.publicKey),
    ],
  });
}
