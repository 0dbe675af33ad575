import { ensureBinary, type GoBinary } from '../cluster/go-binary';

/**
 * Temporal CLI v1.5.1: the newest release whose go.mod has no replace directive (later ones add
 * `replace .../cliext => ./cliext`). Its `temporal server start-dev` bundles Web UI 2.42.1.
 * Built with `go install`, it reports its version as 0.0.0-DEV; a release build of 1.5.1 on PATH is used as it is.
 */
export const TEMPORAL_CLI: GoBinary = {
  label: 'Temporal CLI',
  module: 'github.com/temporalio/cli/cmd/temporal',
  version: 'v1.5.1',
  envVar: 'TEMPORAL_CLI_BIN',
  name: 'cli',
  file: 'temporal',
  buildTime: 'about 3 to 6 minutes',
  onPath: { command: 'temporal', versionArgs: ['--version'], version: /^temporal version 1\.5\.1\b/m },
};

export const ensureCliBinary = (env: NodeJS.ProcessEnv = process.env) => ensureBinary(TEMPORAL_CLI, env);
