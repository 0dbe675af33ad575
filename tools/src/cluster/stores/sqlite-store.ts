import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ClusterStore } from './store';

const FILE_CONNECTIONS = 8;

function sqlite(
  databaseName: string,
  connectAttributes: Record<string, string>,
  { maxConns, maxConnLifetime }: { maxConns: number; maxConnLifetime?: string },
) {
  return {
    sql: {
      pluginName: 'sqlite',
      databaseName,
      connectAddr: 'localhost',
      connectProtocol: 'tcp',
      connectAttributes,
      maxConns,
      maxIdleConns: maxConns,
      ...(maxConnLifetime ? { maxConnLifetime } : {}),
    },
  };
}

/**
 * SQLite in memory: the schema is created on first connect and everything is gone when the server
 * stops. The database lives in the pool's one connection, so that connection is never recycled
 * (a connection lifetime would empty the database when it ends).
 */
export function memoryStore(): ClusterStore {
  const memory = sqlite('default', { mode: 'memory', cache: 'private' }, { maxConns: 1 });
  return {
    kind: 'memory',
    description: 'SQLite in memory (gone when the server stops)',
    datastores: { default: memory, visibility: memory },
    sharedAcrossProcesses: false,
    close: async () => undefined,
  };
}

/**
 * SQLite files in `dir`, one for workflows and one for visibility: made with their schema on the
 * first start, reused after. WAL journal: a commit survives the server being killed, and readers
 * run beside the one writer, so the pool has several connections.
 */
export function sqliteFileStore(dir: string): ClusterStore {
  mkdirSync(dir, { recursive: true });
  const file = (name: string) =>
    sqlite(
      join(dir, name),
      {
        mode: 'rwc',
        setup: 'true',
        journal_mode: 'wal',
        synchronous: 'normal',
        busy_timeout: '10000',
      },
      { maxConns: FILE_CONNECTIONS, maxConnLifetime: '1h' },
    );
  return {
    kind: 'sqlite',
    description: `SQLite files in ${relative(process.cwd(), dir) || '.'}`,
    datastores: { default: file('temporal.db'), visibility: file('temporal-visibility.db') },
    sharedAcrossProcesses: false,
    close: async () => undefined,
  };
}
