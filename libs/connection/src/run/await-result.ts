import type { WorkflowHandle } from '@temporalio/client';
import { ResultTimeoutError } from '../errors/result-errors';
import { withContext } from '../errors/failure-context';
import type { AppProfile } from '../profile/app-profile';

export const RESULT_TIMEOUT_MS = 60_000;

/**
 * Waits for a workflow's result, but never forever: a missing worker becomes a clear error. Given
 * the app's profile rather than its task queue, the error names the app's doctor command too.
 */
export async function awaitResult<T>(
  handle: WorkflowHandle,
  taskQueueOrProfile: string | AppProfile,
  timeoutMs = RESULT_TIMEOUT_MS,
): Promise<T> {
  const profile = typeof taskQueueOrProfile === 'string' ? undefined : taskQueueOrProfile;
  const taskQueue = profile ? profile.taskQueue : (taskQueueOrProfile as string);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new ResultTimeoutError(handle.workflowId, taskQueue, timeoutMs / 1000);
      reject(withContext(error, { app: profile?.app, profile }));
    }, timeoutMs);
  });
  try {
    return await Promise.race([handle.result() as Promise<T>, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
