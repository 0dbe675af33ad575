/** Keep what is stored, or make it: one CA or one leaf at a time. */
import { join } from 'node:path';
import { createCa, type Issuer } from './ca';
import { CertMaterialError } from './errors';
import {
  generateKeyPair,
  importPrivateKey,
  keyMatchesCertificate,
  privateKeyPem,
  describeKey,
  type KeyAlgorithm,
} from './keys';
import type { FilePair } from './layout';
import { createLeaf, type LeafProfile } from './leaf';
import { certificatePem, readStoredPair, writePrivateKey, writePublicFile } from './pem-files';
import { validityFor } from './validity';
import type { x509 } from './x509';

export type MaterialKind = 'ca' | 'server' | 'client';

/** A certificate and its key as they now are in the folder. */
export interface Material {
  kind: MaterialKind;
  files: FilePair;
  certificate: x509.X509Certificate;
  keyPem: string;
  action: 'created' | 'kept';
}

export interface IssueContext {
  outDir: string;
  algorithm: KeyAlgorithm;
  days: number;
  force: boolean;
  now: Date;
  report: (message: string) => void;
}

export interface Authority {
  issuer: Issuer;
  material: Material;
}

export async function ensureCa(context: IssueContext, files: FilePair, commonName: string): Promise<Authority> {
  const stored = context.force
    ? undefined
    : readStoredPair(join(context.outDir, files.cert), join(context.outDir, files.key), files.cert);
  if (stored) {
    if (!keyMatchesCertificate(stored.keyPem, stored.certificate)) {
      throw new CertMaterialError(
        files.key,
        `does not belong to ${files.cert} (their public keys differ), so nothing can be signed with it.`,
      );
    }
    const privateKey = await importPrivateKey(stored.keyPem, files.key);
    context.report(`${files.cert}: kept`);
    return {
      issuer: { certificate: stored.certificate, privateKey, file: files.cert },
      material: { kind: 'ca', files, ...stored, action: 'kept' },
    };
  }
  const keys = await generateKeyPair(context.algorithm);
  const certificate = await createCa(commonName, keys, validityFor(context.days, context.now));
  const keyPem = await privateKeyPem(keys.privateKey);
  store(context, files, certificate, keyPem);
  return {
    issuer: { certificate, privateKey: keys.privateKey, file: files.cert },
    material: { kind: 'ca', files, certificate, keyPem, action: 'created' },
  };
}

/** A leaf is reissued whenever its CA was just created: the old one would no longer verify. */
export async function ensureLeaf(
  context: IssueContext,
  files: FilePair,
  profile: LeafProfile,
  authority: Authority,
): Promise<Material> {
  const reuse = !context.force && authority.material.action === 'kept';
  const stored = reuse
    ? readStoredPair(join(context.outDir, files.cert), join(context.outDir, files.key), files.cert)
    : undefined;
  if (stored) {
    context.report(`${files.cert}: kept`);
    return { kind: profile.kind, files, ...stored, action: 'kept' };
  }
  const { issuer } = authority;
  if (issuer.certificate.notAfter <= context.now) {
    throw new CertMaterialError(
      issuer.file,
      `expired on ${issuer.certificate.notAfter.toISOString().slice(0, 10)}, so it cannot sign ${files.cert}.`,
      'regenerate everything with --force (or delete the CA files to replace only that CA and what it signs).',
    );
  }
  const keys = await generateKeyPair(context.algorithm);
  const certificate = await createLeaf(
    profile,
    keys,
    issuer,
    validityFor(context.days, context.now, issuer.certificate.notAfter),
  );
  const keyPem = await privateKeyPem(keys.privateKey);
  store(context, files, certificate, keyPem);
  return { kind: profile.kind, files, certificate, keyPem, action: 'created' };
}

function store(context: IssueContext, files: FilePair, certificate: x509.X509Certificate, keyPem: string): void {
  writePrivateKey(join(context.outDir, files.key), keyPem);
  writePublicFile(join(context.outDir, files.cert), certificatePem(certificate));
  const until = certificate.notAfter.toISOString().slice(0, 10);
  context.report(
    `${files.cert}: created (${certificate.subject}, ${describeKey(certificate.publicKey)}, until ${until})`,
  );
}
