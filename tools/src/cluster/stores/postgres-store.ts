import { StoreError } from '../../cli/errors';
import { startOwnedPostgres } from './owned-postgres';
import { ensureSchema, SCHEMAS, type PostgresEndpoint } from './postgres-schema';
import type { ClusterStore } from './store';

const DEFAULT_DATABASE = 'temporal';
const DEFAULT_PORT = 5432;

export interface PostgresTarget extends PostgresEndpoint {
  database: string;
}

/** `--postgres-url postgres://user[:password]@host[:port][/database]`; visibility goes to `<database>_visibility`. */
export function parsePostgresUrl(text: string, origin = '--postgres-url'): PostgresTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new StoreError(`${origin} is not a URL.`, 'give e.g. postgres://temporal:secret@127.0.0.1:5432/temporal');
  }
  if (!['postgres:', 'postgresql:'].includes(url.protocol) || !url.hostname || !url.username) {
    throw new StoreError(
      `${origin} must be postgres://user[:password]@host[:port][/database], not ${url.protocol}//${url.host}.`,
      'give e.g. postgres://temporal:secret@127.0.0.1:5432/temporal',
    );
  }
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : DEFAULT_PORT,
    user: decodeURIComponent(url.username),
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.slice(1)) || DEFAULT_DATABASE,
  };
}

function postgresDatastore(target: PostgresEndpoint, databaseName: string) {
  return {
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${target.host}:${target.port}`,
      connectProtocol: 'tcp',
      user: target.user,
      password: target.password ?? '',
      maxConns: 10,
      maxIdleConns: 10,
      maxConnLifetime: '1h',
    },
  };
}

/** PostgreSQL with the schema of the server's release: the tools' own cluster in `dir`, or the server at `url`. */
export async function postgresStore(
  options: { dir: string; url?: string },
  onProgress: (message: string) => void,
): Promise<ClusterStore> {
  const owned = options.url ? undefined : await startOwnedPostgres(options.dir, onProgress);
  const target: PostgresTarget = owned ? { ...owned, database: DEFAULT_DATABASE } : parsePostgresUrl(options.url ?? '');
  const databases = { default: target.database, visibility: `${target.database}_visibility` };
  try {
    onProgress(`Setting up the schema in PostgreSQL at ${target.host}:${target.port} (the server's SQL tool)`);
    for (const { role, schemaName } of SCHEMAS) await ensureSchema(target, databases[role], schemaName);
  } catch (error) {
    await owned?.stop();
    throw error;
  }
  return {
    kind: 'postgres',
    description: owned
      ? `PostgreSQL on 127.0.0.1:${owned.port}, data in ${owned.dataDir}`
      : `PostgreSQL at ${target.host}:${target.port}, databases ${databases.default} and ${databases.visibility}`,
    datastores: {
      default: postgresDatastore(target, databases.default),
      visibility: postgresDatastore(target, databases.visibility),
    },
    sharedAcrossProcesses: true,
    close: async () => owned?.stop(),
  };
}
