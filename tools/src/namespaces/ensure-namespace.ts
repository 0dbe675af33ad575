import { status } from '@grpc/grpc-js';
import { hasGrpcStatus } from '@temporal-samples/connection/tools';
import type { Connection } from '@temporalio/client';
import Long from 'long';

const DAY_SECONDS = 24 * 60 * 60;
const USABLE_WITHIN_MS = 30_000;

export type NamespaceOutcome = 'created' | 'found';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function exists(connection: Connection, namespace: string): Promise<boolean> {
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return true;
  } catch (error) {
    if (hasGrpcStatus(error, status.NOT_FOUND)) return false;
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
      if (!hasGrpcStatus(error, status.NOT_FOUND) || Date.now() > deadline) throw error;
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
        workflowExecutionRetentionPeriod: { seconds: Long.fromNumber(retentionDays * DAY_SECONDS) },
      });
      outcome = 'created';
    } catch (error) {
      if (!hasGrpcStatus(error, status.ALREADY_EXISTS)) throw error;
    }
  }
  await waitUntilUsable(connection, namespace);
  return outcome;
}
