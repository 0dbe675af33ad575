import type { WorkflowHandle } from '@temporalio/client';
import { SetupError } from './errors';

export const RESULT_TIMEOUT_MS = 60_000;

export class ResultTimeoutError extends SetupError {
  readonly kind = 'result-timeout';
  constructor(workflowId: string, taskQueue: string, seconds: number) {
    super(
      `Workflow ${workflowId} did not finish within ${seconds} s; it is still waiting on task queue "${taskQueue}".`,
      `start a worker for that task queue (npx nx run <app>:worker) and check its output.`,
    );
  }
}

/** Waits for a workflow's result, but never forever: a missing worker becomes a clear error. */
export async function awaitResult<T>(
  handle: WorkflowHandle,
  taskQueue: string,
  timeoutMs = RESULT_TIMEOUT_MS,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ResultTimeoutError(handle.workflowId, taskQueue, timeoutMs / 1000)), timeoutMs);
  });
  try {
    return await Promise.race([handle.result() as Promise<T>, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
