import { ErrorWithFix } from './error-with-fix';

/** Waiting: connected and started, but no worker finished the workflow. */
export class ResultTimeoutError extends ErrorWithFix {
  constructor(workflowId: string, taskQueue: string, seconds: number) {
    super(
      `Workflow ${workflowId} did not finish within ${seconds} s; it is still waiting on task queue "${taskQueue}".`,
      `start a worker for that task queue (npx nx run <app>:worker) and check its output.`,
    );
  }
}
