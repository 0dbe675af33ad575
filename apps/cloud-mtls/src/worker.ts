/**
 * Polls this app's task queue. When you copy the app, change workflows.ts and activities.ts;
 * the connection, credential rotation, health endpoints and shutdown come from the app's .env
 * and libs/worker-runtime (docs/operations.md), and never need code here.
 */
import { join } from 'node:path';
import { runMain } from '@temporal-samples/connection';
import { runWorker } from '@temporal-samples/worker-runtime';
import * as activities from './activities';

runMain(() =>
  runWorker(join(__dirname, '..'), {
    workflowBundle: { codePath: join(__dirname, 'workflow-bundle.js') },
    activities,
  }),
);
