/**
 * manifest.json: one entry per file. A certificate's sha256 is that of its DER encoding (as
 * `openssl x509 -fingerprint -sha256` prints it); a key's is that of its public key (SPKI DER).
 */
import { createHash } from 'node:crypto';
import type { Material, MaterialKind } from './issue';
import { colonHex, describeKey, describePrivateKey, publicKeyFingerprint } from './keys';

export interface ManifestEntry {
  file: string;
  kind: MaterialKind | 'key';
  subject: string;
  /** Null for keys. */
  issuer: string | null;
  sha256: string;
  notBefore: string | null;
  notAfter: string | null;
  algorithm: string;
  /** Keys only: the certificate the key belongs to. */
  certificate?: string;
}

export interface Manifest {
  generatedAt: string;
  entries: ManifestEntry[];
}

export function buildManifest(materials: Material[], now = new Date()): Manifest {
  return { generatedAt: now.toISOString(), entries: materials.flatMap(entriesOf) };
}

function entriesOf({ kind, files, certificate, keyPem }: Material): ManifestEntry[] {
  return [
    {
      file: files.cert,
      kind,
      subject: certificate.subject,
      issuer: certificate.issuer,
      sha256: colonHex(createHash('sha256').update(Buffer.from(certificate.rawData)).digest()),
      notBefore: certificate.notBefore.toISOString(),
      notAfter: certificate.notAfter.toISOString(),
      algorithm: describeKey(certificate.publicKey),
    },
    {
      file: files.key,
      kind: 'key',
      subject: certificate.subject,
      issuer: null,
      sha256: publicKeyFingerprint(keyPem),
      notBefore: null,
      notAfter: null,
      algorithm: describePrivateKey(keyPem),
      certificate: files.cert,
    },
  ];
}
