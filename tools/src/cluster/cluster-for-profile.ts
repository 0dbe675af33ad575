import { relative } from 'node:path';
import { loadProfile, UnreadableFileError, type LoadProfileOptions, type Profile } from '@temporal-samples/connection';
import { generateCertificates } from '../certs/generate';
import { appCertsEnv } from '../certs/app-certs-env';
import { certsDir } from '../certs/layout';
import { DEFAULT_SERVER_NAME } from '../certs/options';
import { clusterTlsFiles, type ClusterTlsFiles } from './tls-config';

const isInside = (dir: string, path: string) => !relative(dir, path).startsWith('..');

/**
 * Loads an app's profile for the tools that serve it, its paths into certs/ following
 * SAMPLES_CERTS_DIR. When the profile points at generated certificates that do not exist yet, they
 * are generated first, with the profile's own client certificate (existing material is kept).
 */
export async function loadProfileMakingCerts(
  given: LoadProfileOptions,
  onProgress?: (message: string) => void,
): Promise<Profile> {
  const env = given.env ?? process.env;
  const options = { ...given, env: given.envDir ? { ...appCertsEnv(given.envDir, env), ...env } : env };
  const dir = certsDir(env);
  try {
    return loadProfile(options);
  } catch (error) {
    if (!(error instanceof UnreadableFileError) || !isInside(dir, error.path)) throw error;
    onProgress?.(`${relative(process.cwd(), error.path)} is missing: generating the local certificates`);
    const client = /[\\/]clients[\\/]([^\\/]+)\.(pem|key)$/.exec(error.path)?.[1];
    await generateCertificates({ outDir: dir, clients: client ? [client] : [], onProgress });
    return loadProfile(options);
  }
}

/** The cluster a profile expects: plaintext, or mutual TLS with the generated certificates. */
export function clusterTlsForProfile(profile: Profile): ClusterTlsFiles | undefined {
  return profile.tls ? clusterTlsFiles(certsDir(), DEFAULT_SERVER_NAME) : undefined;
}
