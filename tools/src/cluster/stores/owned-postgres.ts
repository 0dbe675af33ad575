import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoreError } from '../../cli/errors';
import { freePort } from '../ports';
import { recordPid } from '../../apps/pid-ledger';
import { logTail } from '../server-process';
import { giveToPostgresUser, requirePostgresBinDir, runPostgresProgram } from './postgres-binaries';

export const POSTGRES_SUPERUSER = 'temporal';

export interface OwnedPostgres {
  host: string;
  port: number;
  user: string;
  dataDir: string;
  logFile: string;
  stop(): Promise<void>;
}

const postmasterPid = (dataDir: string): number | undefined => {
  try {
    return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) || undefined;
  } catch {
    return undefined;
  }
};

function failure(step: string, output: string, logFile: string): StoreError {
  return new StoreError(
    `PostgreSQL ${step} failed:\n${output.trim()}`,
    `read ${logFile}; if the data folder is damaged, delete it to start afresh (its workflows are lost).`,
  );
}

/**
 * A PostgreSQL cluster the tools own, in `dir`: made with initdb on first use (trust on loopback
 * only, superuser `temporal`), started on a free loopback port, stopped with the cluster. Its
 * data stays in `dir/data` between runs. One left running by a killed run is stopped first.
 */
export async function startOwnedPostgres(dir: string, onProgress: (message: string) => void): Promise<OwnedPostgres> {
  const binDir = requirePostgresBinDir();
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  mkdirSync(dir, { recursive: true });
  giveToPostgresUser(dir);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    onProgress(`Creating a PostgreSQL cluster in ${dataDir} (initdb)`);
    const made = await runPostgresProgram(binDir, 'initdb', [
      '-D',
      dataDir,
      '-A',
      'trust',
      '-U',
      POSTGRES_SUPERUSER,
      '-E',
      'UTF8',
    ]);
    if (made.code !== 0) throw failure('initdb', made.output, logFile);
  }
  const ctl = (...args: string[]) => runPostgresProgram(binDir, 'pg_ctl', ['-D', dataDir, ...args]);
  if (postmasterPid(dataDir) && (await ctl('status')).code === 0) {
    onProgress('Stopping the PostgreSQL left running by an earlier run');
    await ctl('-m', 'fast', '-w', 'stop');
  }
  const port = await freePort();
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  const started = await ctl('-l', logFile, '-w', '-t', '60', '-o', settings, 'start');
  if (started.code !== 0) throw failure('start', `${started.output}\n${logTail(logFile, 10)}`, logFile);
  const pid = postmasterPid(dataDir);
  recordPid(pid, 'postgres');
  return {
    host: '127.0.0.1',
    port,
    user: POSTGRES_SUPERUSER,
    dataDir,
    logFile,
    async stop() {
      if (pid === undefined || postmasterPid(dataDir) !== pid) return;
      await ctl('-m', 'fast', '-w', 'stop');
    },
  };
}
