import { requireBinary } from '@temporal-samples/tools/cluster/go-binary';
import { TEMPORAL_CLI } from '@temporal-samples/tools/temporal-cli/cli-binary';

/** The real Temporal CLI for tests, built before Jest starts. */
export const requireCliBinary = (): string => requireBinary(TEMPORAL_CLI);
