/**
 * Deliberately bad client material for security tests: each should be refused by a server that
 * trusts the folder's client CA. Written as `<outDir>/<name>.pem` and `<outDir>/<name>.key`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCa, type Issuer } from './ca';
import { generateKeyPair, importPrivateKey, privateKeyPem, type KeyAlgorithm } from './keys';
import { CLIENT_CA } from './layout';
import { clientProfile, createLeaf } from './leaf';
import { clientNameProblem } from './options';
import { CertOptionError } from './errors';
import { certificatePem, readCertificate, writePrivateKey, writePublicFile } from './pem-files';
import { DAY_MS, validityFor } from './validity';
import type { x509 } from './x509';

export interface TestClient {
  certPath: string;
  keyPath: string;
  certPem: string;
  keyPem: string;
}

/** A client certificate from a fresh CA that nothing trusts, valid for `days`; the CA itself is returned, not written. */
export async function generateForeignClient(
  outDir: string,
  name: string,
  algorithm: KeyAlgorithm = 'ecdsa',
  days = 30,
): Promise<TestClient & { caPem: string }> {
  const caKeys = await generateKeyPair(algorithm);
  const ca = await createCa('Foreign Test CA', caKeys, validityFor(30));
  const client = await issueClient(
    outDir,
    name,
    { certificate: ca, privateKey: caKeys.privateKey, file: 'foreign CA' },
    validityFor(days),
  );
  return { ...client, caPem: certificatePem(ca) };
}

/** Signed by the folder's real client CA, but its validity ended a day ago. */
export async function generateExpiredClient(certsDir: string, outDir: string, name: string): Promise<TestClient> {
  const now = Date.now();
  return issueClient(outDir, name, await clientCa(certsDir), {
    notBefore: new Date(now - 2 * DAY_MS),
    notAfter: new Date(now - DAY_MS),
  });
}

/** Signed by the real client CA and valid, but the key file holds a different key. */
export async function generateMismatchedClient(certsDir: string, outDir: string, name: string): Promise<TestClient> {
  const client = await issueClient(outDir, name, await clientCa(certsDir), validityFor(30));
  const keyPem = await privateKeyPem((await generateKeyPair('ecdsa')).privateKey);
  writePrivateKey(client.keyPath, keyPem);
  return { ...client, keyPem };
}

async function clientCa(certsDir: string): Promise<Issuer> {
  const certificate = readCertificate(join(certsDir, CLIENT_CA.cert), CLIENT_CA.cert);
  const privateKey = await importPrivateKey(readFileSync(join(certsDir, CLIENT_CA.key), 'utf8'), CLIENT_CA.key);
  return { certificate, privateKey, file: CLIENT_CA.cert };
}

async function issueClient(
  outDir: string,
  name: string,
  issuer: Issuer,
  validity: { notBefore: Date; notAfter: Date },
): Promise<TestClient> {
  const problem = clientNameProblem(name);
  if (problem) throw new CertOptionError(`Cannot make test material: ${problem}.`, 'choose another name.');
  mkdirSync(outDir, { recursive: true });
  const keys = await generateKeyPair('ecdsa');
  const certificate: x509.X509Certificate = await createLeaf(clientProfile(name), keys, issuer, validity);
  const certPem = certificatePem(certificate);
  const keyPem = await privateKeyPem(keys.privateKey);
  const certPath = join(outDir, `${name}.pem`);
  const keyPath = join(outDir, `${name}.key`);
  writePrivateKey(keyPath, keyPem);
  writePublicFile(certPath, certPem);
  return { certPath, keyPath, certPem, keyPem };
}
