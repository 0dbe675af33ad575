import { spawn } from 'node:child_process';
import { StoreError } from '../../cli/errors';
import { findPostgresBinDir, INSTALL_COMMAND } from './postgres-binaries';

const run = (command: string, args: string[]) =>
  new Promise<number | null>((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    child.on('error', reject);
    child.on('close', resolve);
  });

/**
 * PostgreSQL for `--store postgres`: found, or installed from Debian's packages when running as
 * root (as CI does); otherwise the command to run is named.
 */
export async function ensurePostgresInstalled(onProgress: (message: string) => void): Promise<string> {
  const found = findPostgresBinDir();
  if (found) return found;
  if (process.getuid?.() !== 0) {
    throw new StoreError(
      'PostgreSQL is not installed, and installing it needs root.',
      `run \`sudo ${INSTALL_COMMAND}\`, or set POSTGRES_BIN_DIR to an installed PostgreSQL's bin folder.`,
    );
  }
  onProgress(`PostgreSQL is not installed: ${INSTALL_COMMAND} (about a minute)...`);
  const installed =
    (await run('apt-get', ['update', '-q'])) === 0 &&
    (await run('apt-get', ['install', '-y', '-q', 'postgresql'])) === 0;
  const binDir = installed ? findPostgresBinDir() : undefined;
  if (!binDir) {
    throw new StoreError(
      `${INSTALL_COMMAND} did not install PostgreSQL.`,
      "read apt-get's messages above and run it again.",
    );
  }
  return binDir;
}
