/**
 * `@temporal-samples/connection/worker`: the worker's connection, apart from the index so that a
 * client-only process (a starter, the tools) never loads the SDK's worker package, as the SDK
 * itself keeps `@temporalio/worker` apart from `@temporalio/client`.
 */
export { connectWorker, type WorkerConnection } from './connect/connect-worker';
