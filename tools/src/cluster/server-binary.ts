import { ensureBinary, type GoBinary } from './go-binary';

/** Temporal server v1.32.1: its go.mod has no replace directive and needs Go 1.26.8. */
export const TEMPORAL_SERVER: GoBinary = {
  label: 'Temporal server',
  module: 'go.temporal.io/server/cmd/server',
  version: 'v1.32.1',
  envVar: 'TEMPORAL_SERVER_BIN',
  name: 'server',
  file: 'server',
  buildTime: 'about 5 minutes',
};

export const ensureServerBinary = (env: NodeJS.ProcessEnv = process.env) => ensureBinary(TEMPORAL_SERVER, env);
