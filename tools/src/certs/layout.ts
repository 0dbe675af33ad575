/** Where each piece of material lives inside the certificate folder. Other code depends on these names. */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WORKSPACE_ROOT } from '../apps/workspace-root';
import { CertsDirError } from './errors';

export interface FilePair {
  cert: string;
  key: string;
}

export const DEFAULT_CERTS_DIR = join(WORKSPACE_ROOT, 'certs');
/** Moves the certificate folder the tools write and read; the e2e tests give each run its own. */
export const CERTS_DIR_VARIABLE = 'SAMPLES_CERTS_DIR';

/** The certificate folder: SAMPLES_CERTS_DIR when set (a relative path is read from the workspace root), else certs/. */
export function certsDir(env: NodeJS.ProcessEnv = process.env): string {
  const given = env[CERTS_DIR_VARIABLE]?.trim();
  if (!given) return DEFAULT_CERTS_DIR;
  const dir = resolve(WORKSPACE_ROOT, given);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new CertsDirError(CERTS_DIR_VARIABLE, given, dir);
  return dir;
}
export const CLIENTS_DIR = 'clients';
export const MANIFEST_FILE = 'manifest.json';

export const SERVER_CA: FilePair = { cert: 'server-ca.pem', key: 'server-ca.key' };
export const FRONTEND: FilePair = { cert: 'frontend.pem', key: 'frontend.key' };
export const INTERNODE: FilePair = { cert: 'internode.pem', key: 'internode.key' };
export const CLIENT_CA: FilePair = { cert: 'client-ca.pem', key: 'client-ca.key' };

/** Relative to the certificate folder, always with `/`. */
export function clientFiles(name: string): FilePair {
  return { cert: `${CLIENTS_DIR}/${name}.pem`, key: `${CLIENTS_DIR}/${name}.key` };
}

/** Absolute paths of everything in a certificate folder, for code that only reads the material. */
export function certificatePaths(outDir: string = certsDir()) {
  const at = (pair: FilePair): FilePair => ({ cert: join(outDir, pair.cert), key: join(outDir, pair.key) });
  return {
    serverCa: at(SERVER_CA),
    frontend: at(FRONTEND),
    internode: at(INTERNODE),
    clientCa: at(CLIENT_CA),
    client: (name: string) => at(clientFiles(name)),
    manifest: join(outDir, MANIFEST_FILE),
  };
}
