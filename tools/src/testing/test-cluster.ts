import { startLocalCluster, type LocalCluster } from '../cluster/local-cluster';
import { cachedServerPath, findServerBinary } from '../cluster/server-binary';

/**
 * A real server on free loopback ports for one test file. The binary must exist already:
 * `npm test` builds it before Jest starts, so no test waits on a Go build.
 */
export async function startTestCluster(namespaces: string[]): Promise<LocalCluster> {
  const binary = findServerBinary();
  if (!binary) {
    throw new Error(
      `No Temporal server binary at ${cachedServerPath()} and TEMPORAL_SERVER_BIN is unset. ` +
        'Run the tests with `npm test` (its pretest step builds the server) or run `npx nx run tools:server-binary` first.',
    );
  }
  return startLocalCluster({ namespaces, binary });
}
