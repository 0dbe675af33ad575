import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { StoreError } from '../../cli/errors';

const DEBIAN_ROOT = '/usr/lib/postgresql';
/** PostgreSQL refuses to run as root: as root, its programs run as this system user (Debian's package makes it). */
export const POSTGRES_USER = 'postgres';
export const INSTALL_COMMAND = 'apt-get install -y postgresql';

const isRoot = () => process.getuid?.() === 0;

/** The folder with initdb and pg_ctl: POSTGRES_BIN_DIR, else Debian's newest /usr/lib/postgresql/<major>/bin. */
export function findPostgresBinDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env.POSTGRES_BIN_DIR;
  if (given) {
    if (!existsSync(join(given, 'initdb'))) {
      throw new StoreError(
        `POSTGRES_BIN_DIR is "${given}", which has no initdb.`,
        `point it at PostgreSQL's bin folder (e.g. ${DEBIAN_ROOT}/15/bin) or unset it.`,
      );
    }
    return given;
  }
  const majors = existsSync(DEBIAN_ROOT)
    ? readdirSync(DEBIAN_ROOT)
        .filter((major) => existsSync(join(DEBIAN_ROOT, major, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return majors.length > 0 ? join(DEBIAN_ROOT, majors[0], 'bin') : undefined;
}

export function requirePostgresBinDir(env: NodeJS.ProcessEnv = process.env): string {
  const found = findPostgresBinDir(env);
  if (found) return found;
  throw new StoreError(
    `PostgreSQL is not installed (no ${DEBIAN_ROOT}/<version>/bin/initdb).`,
    `install Debian's packages: \`${isRoot() ? '' : 'sudo '}${INSTALL_COMMAND}\` (\`npm test\`'s pretest step does it when run as root), or set POSTGRES_BIN_DIR.`,
  );
}

/** As root: the folder is handed to the postgres user, which must exist. */
export function giveToPostgresUser(dir: string): void {
  if (!isRoot()) return;
  let ids: string[];
  try {
    ids = ['-u', '-g'].map((flag) => execFileSync('id', [flag, POSTGRES_USER], { encoding: 'utf8' }).trim());
  } catch {
    throw new StoreError(
      `Running as root, and there is no "${POSTGRES_USER}" user to run PostgreSQL as (it refuses root).`,
      `install Debian's packages, which create it: \`${INSTALL_COMMAND}\`.`,
    );
  }
  chownSync(dir, Number(ids[0]), Number(ids[1]));
}

export interface CommandResult {
  code: number | null;
  output: string;
}

/** Runs a PostgreSQL program; as root, as the postgres user through runuser. */
export function runPostgresProgram(binDir: string, program: string, args: string[]): Promise<CommandResult> {
  const path = join(binDir, program);
  const [command, commandArgs] = isRoot() ? ['runuser', ['-u', POSTGRES_USER, '--', path, ...args]] : [path, args];
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'], cwd: '/' });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', (error) =>
      reject(new StoreError(`Cannot run ${path}: ${error.message}.`, `reinstall PostgreSQL: \`${INSTALL_COMMAND}\`.`)),
    );
    child.on('close', (code) => resolve({ code, output }));
  });
}
