import { cachedCliPath, findCliBinary } from '../temporal-cli/cli-binary';

/** The real Temporal CLI for tests; `npm test` builds it before Jest starts, so no test waits on Go. */
export function requireCliBinary(): string {
  const binary = findCliBinary();
  if (!binary) {
    throw new Error(
      `No Temporal CLI binary at ${cachedCliPath()} and TEMPORAL_CLI_BIN is unset. ` +
        'Run the tests with `npm test` (its pretest step builds it) or run `npx nx run tools:server-binary` first.',
    );
  }
  return binary;
}
