import type { WorkflowClientInterceptor } from '@temporalio/client';
import { withContext, type FailureContext } from '../errors/failure-context';

const WORKFLOW_CALLS = [
  'startWithDetails',
  'startUpdate',
  'startUpdateWithStart',
  'signal',
  'signalWithStart',
  'query',
  'terminate',
  'cancel',
  'describe',
] as const;

type Call = (input: unknown, next: (input: unknown) => Promise<unknown>) => Promise<unknown>;

/**
 * Attaches the profile and app to whatever a workflow call throws (the error itself is unchanged),
 * so runMain can explain a refusal that comes after connecting.
 */
export function contextInterceptor(context: FailureContext): WorkflowClientInterceptor {
  const attach: Call = (input, next) =>
    next(input).catch((error: unknown) => {
      throw withContext(error, context);
    });
  return Object.fromEntries(WORKFLOW_CALLS.map((call) => [call, attach])) as WorkflowClientInterceptor;
}
