import type { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';

const GRPC_ALREADY_EXISTS = 6;
const GRPC_NOT_FOUND = 5;
const DAY_MS = 24 * 60 * 60 * 1000;
const USABLE_WITHIN_MS = 30_000;

export type NamespaceOutcome = 'created' | 'found';

const codeOf = (error: unknown) => (error as { code?: number } | undefined)?.code;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function exists(connection: Connection, namespace: string): Promise<boolean> {
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return true;
  } catch (error) {
    if (codeOf(error) === GRPC_NOT_FOUND) return false;
    throw error;
  }
}

/** Frontends cache namespaces; wait until this one answers a namespace-scoped call. */
async function waitUntilUsable(connection: Connection, namespace: string): Promise<void> {
  const deadline = Date.now() + USABLE_WITHIN_MS;
  for (;;) {
    try {
      await connection.workflowService.countWorkflowExecutions({ namespace, query: '' });
      return;
    } catch (error) {
      if (codeOf(error) !== GRPC_NOT_FOUND || Date.now() > deadline) throw error;
      await sleep(250);
    }
  }
}

/** Registers the namespace unless it exists; safe to call any number of times. */
export async function ensureNamespace(
  connection: Connection,
  namespace: string,
  retentionDays = 1,
): Promise<NamespaceOutcome> {
  let outcome: NamespaceOutcome = 'found';
  if (!(await exists(connection, namespace))) {
    try {
      await connection.workflowService.registerNamespace({
        namespace,
        workflowExecutionRetentionPeriod: msToTs(retentionDays * DAY_MS),
      });
      outcome = 'created';
    } catch (error) {
      if (codeOf(error) !== GRPC_ALREADY_EXISTS) throw error;
    }
  }
  await waitUntilUsable(connection, namespace);
  return outcome;
}
