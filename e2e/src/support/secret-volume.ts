import { chmodSync, chownSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certificatePaths } from '@temporal-samples/tools/certs/layout';

export interface SecretVolume {
  dir: string;
  /** The TLS part of the profile, pointing at the files as they appear under `mountedAt`. */
  tlsEnv(mountedAt?: string): Record<string, string>;
  remove(): void;
}

/**
 * A client's certificate, key and the server CA laid out as the Kubernetes Secret in the apps'
 * deploy/ mounts them (tls.crt, tls.key, ca.crt), readable only by `owner` when given.
 */
export function secretVolume(client: string, owner?: { uid: number; gid: number }): SecretVolume {
  const dir = mkdtempSync(join(tmpdir(), `${client}-secret-`));
  const paths = certificatePaths();
  const files = {
    'tls.crt': paths.client(client).cert,
    'tls.key': paths.client(client).key,
    'ca.crt': paths.serverCa.cert,
  };
  for (const [name, source] of Object.entries(files)) {
    copyFileSync(source, join(dir, name));
    chmodSync(join(dir, name), 0o400);
    if (owner) chownSync(join(dir, name), owner.uid, owner.gid);
  }
  if (owner) chownSync(dir, owner.uid, owner.gid);
  return {
    dir,
    tlsEnv: (mountedAt = dir) => ({
      TEMPORAL_TLS_CLIENT_CERT_PATH: `${mountedAt}/tls.crt`,
      TEMPORAL_TLS_CLIENT_KEY_PATH: `${mountedAt}/tls.key`,
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: `${mountedAt}/ca.crt`,
      TEMPORAL_TLS_SERVER_NAME: 'temporal.local',
    }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
