import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';
import type { GeneratorCallback, Tree } from '@nx/devkit';
import { setEnvValue } from './env-file';

/** A profile whose client certificate is one the certificate tool made: `<certs>/clients/<name>.pem`. */
const GENERATED_CLIENT_CERT = /^TEMPORAL_TLS_CLIENT_CERT_PATH=(.+)\/clients\/[^/\s]+\.pem\s*$/m;

/**
 * Gives a new app its own client certificate (CN = the app's name, from the local client CA), so
 * each service has its own identity on the server. Only for templates that use the certificate
 * tool's client certificates; `tools:certs` makes the files after the generator writes, unless --dry-run.
 */
export function ownClientCertificate(
  tree: Tree,
  appDir: string,
  envFile: string,
  name: string,
): GeneratorCallback | undefined {
  const match = GENERATED_CLIENT_CERT.exec(tree.read(envFile, 'utf-8') ?? '');
  if (!match) return undefined;
  const certsDir = match[1];
  setEnvValue(tree, envFile, 'TEMPORAL_TLS_CLIENT_CERT_PATH', `${certsDir}/clients/${name}.pem`);
  setEnvValue(tree, envFile, 'TEMPORAL_TLS_CLIENT_KEY_PATH', `${certsDir}/clients/${name}.key`);
  const outDir = join(tree.root, appDir, certsDir);
  // Through Nx, so the certificate tool is built first (a fresh clone has no built libraries); the new
  // app's project references are `nx sync`'s job afterwards, as for any generated project.
  return () => {
    execFileSync('npx', ['nx', 'run', 'tools:certs', '--skip-sync', '--', '--client', name, '--out', outDir], {
      cwd: tree.root,
      stdio: 'inherit',
    });
    console.log(`Client certificate for "${name}": ${relative(tree.root, join(outDir, 'clients', `${name}.pem`))}`);
  };
}
