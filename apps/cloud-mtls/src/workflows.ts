/** Workflows run in the worker's deterministic sandbox; they call activities for anything else. */
import { proxyActivities } from '@temporalio/workflow';
import type * as activities from './activities';

const { composeGreeting } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export async function greet(name: string): Promise<string> {
  return composeGreeting('Hello', name);
}
