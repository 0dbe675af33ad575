/**
 * The certificate folder, made or brought up to date: a server CA signing the frontend and
 * internode certificates, a client CA signing one certificate per client, and manifest.json.
 * Stored material is kept unless `force`; a CA made anew has everything it signs reissued.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_CA_NAME, SERVER_CA_NAME } from './ca';
import { ensureCa, ensureLeaf, type IssueContext, type Material } from './issue';
import { describeKey } from './keys';
import {
  CLIENT_CA,
  CLIENTS_DIR,
  FRONTEND,
  INTERNODE,
  MANIFEST_FILE,
  SERVER_CA,
  certificatePaths,
  clientFiles,
} from './layout';
import { frontendProfile, clientProfile, internodeProfile } from './leaf';
import { buildManifest, type Manifest } from './manifest';
import { clientNameProblem, resolveOptions, type CertificateOptions } from './options';
import { writePublicFile } from './pem-files';
import { materialStatus, type Status } from './status';

export interface CertificateEntry extends Omit<Material, 'keyPem'> {
  /** `ok`, `expires in N d`, `EXPIRED`, `key mismatch (...)` or `not signed by ...`. */
  status: string;
  attention: boolean;
}

export interface CertificateSet {
  outDir: string;
  /** Server CA, client CA, frontend, internode, then clients by name. */
  entries: CertificateEntry[];
  manifest: Manifest;
  paths: ReturnType<typeof certificatePaths>;
}

export async function generateCertificates(options: CertificateOptions = {}): Promise<CertificateSet> {
  const settings = resolveOptions(options);
  const { outDir } = settings;
  mkdirSync(join(outDir, CLIENTS_DIR), { recursive: true });
  const now = new Date();
  const context: IssueContext = { ...settings, now, report: settings.onProgress ?? (() => undefined) };
  const clients = [...new Set([...settings.clients, ...storedClientNames(outDir)])].sort();

  const [serverCa, clientCa] = await Promise.all([
    ensureCa(context, SERVER_CA, SERVER_CA_NAME),
    ensureCa(context, CLIENT_CA, CLIENT_CA_NAME),
  ]);
  const [frontend, internode, ...clientMaterial] = await Promise.all([
    ensureLeaf(context, FRONTEND, frontendProfile(settings.serverName, settings.extraServerNames), serverCa),
    ensureLeaf(context, INTERNODE, internodeProfile(settings.serverName), serverCa),
    ...clients.map((name) => ensureLeaf(context, clientFiles(name), clientProfile(name), clientCa)),
  ]);

  const signed = [
    { material: serverCa.material, issuer: serverCa.issuer },
    { material: clientCa.material, issuer: clientCa.issuer },
    { material: frontend, issuer: serverCa.issuer },
    { material: internode, issuer: serverCa.issuer },
    ...clientMaterial.map((material) => ({ material, issuer: clientCa.issuer })),
  ];
  const entries = await Promise.all(
    signed.map(async ({ material, issuer }) => toEntry(material, await materialStatus(material, issuer, now))),
  );
  const materials = signed.map(({ material }) => material);
  noteMixedAlgorithms(context, materials);
  const manifest = buildManifest(materials, now);
  writePublicFile(join(outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  return { outDir, entries, manifest, paths: certificatePaths(outDir) };
}

function toEntry({ kind, files, certificate, action }: Material, status: Status): CertificateEntry {
  return { kind, files, certificate, action, status: status.text, attention: status.attention };
}

/** Clients already in the folder stay managed: kept, reissued with their CA, listed in the manifest. */
function storedClientNames(outDir: string): string[] {
  return readdirSync(join(outDir, CLIENTS_DIR))
    .map((file) => /^(.+)\.(pem|key)$/.exec(file)?.[1])
    .filter((name): name is string => name !== undefined && clientNameProblem(name) === undefined);
}

function noteMixedAlgorithms(context: IssueContext, materials: Material[]): void {
  const wanted = context.algorithm === 'rsa' ? 'RSA' : 'ECDSA';
  const other = materials.filter(
    (material) => material.action === 'kept' && !describeKey(material.certificate.publicKey).startsWith(wanted),
  );
  if (other.length > 0) {
    context.report(
      `${other.length} kept certificate(s) use another key type than ${wanted}; the choice applies to new files only (regenerate all with --force).`,
    );
  }
}
