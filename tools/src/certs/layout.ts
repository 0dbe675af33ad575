/** Where each piece of material lives inside the certificate folder. Other code depends on these names. */
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '../apps/app-process';

export interface FilePair {
  cert: string;
  key: string;
}

export const DEFAULT_CERTS_DIR = join(WORKSPACE_ROOT, 'certs');
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
export function certificatePaths(outDir: string = DEFAULT_CERTS_DIR) {
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
