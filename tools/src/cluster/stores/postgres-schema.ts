import { spawn } from 'node:child_process';
import { StoreError } from '../../cli/errors';
import { ensureSqlToolBinary } from '../sql-binary';

export interface PostgresEndpoint {
  host: string;
  port: number;
  user: string;
  password?: string;
}

/** The two databases of a cluster and the server release's embedded schema for each. */
export const SCHEMAS = [
  { role: 'default', schemaName: 'postgresql/v12/temporal' },
  { role: 'visibility', schemaName: 'postgresql/v12/visibility' },
] as const;

function runSqlTool(tool: string, endpoint: PostgresEndpoint, database: string, args: string[]): Promise<string> {
  const connection = ['--plugin', 'postgres12', '--ep', endpoint.host, '-p', String(endpoint.port)];
  const all = [...connection, '-u', endpoint.user, '--db', database, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(tool, all, {
      env: { ...process.env, SQL_PASSWORD: endpoint.password ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else
        reject(
          new StoreError(
            `The SQL tool failed on database "${database}" at ${endpoint.host}:${endpoint.port} (${args[0]}):\n${output.trim().split('\n').slice(-5).join('\n')}`,
            `check that user "${endpoint.user}" may create databases there, or create "${database}" yourself.`,
          ),
        );
    });
  });
}

/**
 * Creates the database if needed and brings its schema to the release's latest version with the
 * server's own SQL tool. Every step is idempotent, so it runs on every start.
 */
export async function ensureSchema(endpoint: PostgresEndpoint, database: string, schemaName: string): Promise<void> {
  const tool = await ensureSqlToolBinary();
  await runSqlTool(tool, endpoint, database, ['create-database']);
  await runSqlTool(tool, endpoint, database, ['setup-schema', '-v', '0.0']);
  await runSqlTool(tool, endpoint, database, ['update-schema', '--schema-name', schemaName]);
}
