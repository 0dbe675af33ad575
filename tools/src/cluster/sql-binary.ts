import { ensureBinary, type GoBinary } from './go-binary';
import { TEMPORAL_SERVER } from './server-binary';

/** The server's own SQL schema tool, from the same release as the server, so the schema matches it. */
export const TEMPORAL_SQL_TOOL: GoBinary = {
  label: 'Temporal SQL schema tool',
  module: 'go.temporal.io/server/cmd/tools/sql',
  version: TEMPORAL_SERVER.version,
  envVar: 'TEMPORAL_SQL_TOOL_BIN',
  name: 'sql',
  file: 'sql',
  buildTime: 'under a minute once the server is built',
};

export const ensureSqlToolBinary = (env: NodeJS.ProcessEnv = process.env) => ensureBinary(TEMPORAL_SQL_TOOL, env);
