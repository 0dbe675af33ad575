import { ensureBinary, type GoBinary } from './go-binary';

/** Temporal's Web UI server: the UI's assets and an HTTP API that calls the frontend over gRPC. */
export const TEMPORAL_UI_SERVER: GoBinary = {
  label: 'Temporal UI server',
  module: 'github.com/temporalio/ui-server/v2/cmd/server',
  version: 'v2.55.0',
  envVar: 'TEMPORAL_UI_SERVER_BIN',
  name: 'ui-server',
  file: 'server',
  buildTime: 'about 2 minutes',
};

export const ensureUiServerBinary = (env: NodeJS.ProcessEnv = process.env) => ensureBinary(TEMPORAL_UI_SERVER, env);
