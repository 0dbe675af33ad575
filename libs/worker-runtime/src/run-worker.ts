import { connectWorker, loadAppProfile, type AppProfile } from '@temporal-samples/connection';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { watchCredentials } from './credential-rotation';
import { notReadyOnSignals, serveHealth } from './health';
import { READINESS_DEADLINE_MS } from './readiness';
import { runtimeSettings } from './runtime-settings';

export const WORKER_HEALTH_ADDRESS = 'WORKER_HEALTH_ADDRESS';

/** The Worker's options an app chooses; connection, namespace, task queue and data converter come from the profile. */
export type AppWorkerOptions = Omit<WorkerOptions, 'connection' | 'namespace' | 'taskQueue' | 'dataConverter'>;

async function clusterAnswers(worker: Worker): Promise<void> {
  const state = worker.getState();
  if (state !== 'RUNNING') throw new Error(`worker is ${state}`);
  const connection = worker.connection as NativeConnection;
  try {
    await connection.withDeadline(Date.now() + READINESS_DEADLINE_MS, () =>
      connection.workflowService.getSystemInfo({}),
    );
  } catch (error) {
    throw new Error(`cluster did not answer through the worker's connection: ${(error as Error).message}`);
  }
}

async function replaceConnection(worker: Worker, profile: AppProfile): Promise<void> {
  const { connection } = await connectWorker(profile);
  const previous = worker.connection;
  worker.connection = connection;
  await previous?.close();
}

/**
 * Runs an app's worker from its folder until SIGINT or SIGTERM: the profile's connection, live
 * credential rotation, /livez and /readyz on WORKER_HEALTH_ADDRESS, and a graceful shutdown in which
 * running activities get WORKER_SHUTDOWN_GRACE_TIME (default 10 s) to finish before they are cancelled.
 */
export async function runWorker(appDir: string, options: AppWorkerOptions): Promise<void> {
  const settings = runtimeSettings(appDir, WORKER_HEALTH_ADDRESS);
  const profile = loadAppProfile(appDir);
  const worker = await Worker.create({
    shutdownGraceTime: settings.shutdownGraceTimeMs,
    ...options,
    ...(await connectWorker(profile)),
  });
  const health = await serveHealth(WORKER_HEALTH_ADDRESS, settings.health, {
    check: () => clusterAnswers(worker),
    silence: "cluster did not answer through the worker's connection",
  });
  const removeSignalListeners = notReadyOnSignals(health.readiness);
  const rotation = watchCredentials(
    appDir,
    profile,
    {
      replaceConnection: (next) => replaceConnection(worker, next),
      setApiKey: (apiKey) => (worker.connection as NativeConnection).setApiKey(apiKey),
    },
    { certExpiryWarningMs: settings.certExpiryWarningMs },
  );
  console.log(
    `Worker polling task queue "${profile.taskQueue}" in namespace "${profile.namespace}" at ${profile.address}. Ctrl-C stops it.`,
  );
  try {
    await worker.run();
  } finally {
    rotation?.close();
    removeSignalListeners();
    await health.close();
    await worker.connection?.close().catch(() => undefined);
  }
  console.log('Worker stopped.');
}
