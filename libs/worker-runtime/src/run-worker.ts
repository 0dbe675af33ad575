import {
  codecStartLine,
  describeFailure,
  loadAppProfile,
  ReportedFailure,
  type AppProfile,
} from '@temporal-samples/connection';
import { connectWorker } from '@temporal-samples/connection/worker';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createAppLogger } from './app-logger';
import { watchCredentials } from './credential-rotation';
import { notReadyOnSignals, serveHealth } from './health';
import { installRuntime } from './install-runtime';
import { READINESS_DEADLINE_MS } from './readiness';
import { profileSecrets, Redactor } from './redaction';
import { runtimeSettings } from './runtime-settings';
import { telemetrySettings, type TelemetrySettings } from './telemetry-settings';
import { TRACING_OFF } from './workflow-tracing';

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
 * credential rotation, /livez and /readyz on WORKER_HEALTH_ADDRESS, the SDK's metrics on
 * WORKER_METRICS_ADDRESS, one logger (LOG_LEVEL, LOG_FORMAT) for these lines and the SDK's, traces to
 * OTEL_EXPORTER_OTLP_ENDPOINT, and a graceful shutdown in which running activities get
 * WORKER_SHUTDOWN_GRACE_TIME (default 10 s) to finish before they are cancelled.
 */
export async function runWorker(appDir: string, options: AppWorkerOptions): Promise<void> {
  const telemetry = telemetrySettings(appDir);
  if (telemetry.logFormat !== 'json') return runWorkerWith(appDir, options, telemetry);
  try {
    await runWorkerWith(appDir, options, telemetry);
  } catch (error) {
    const { problem, fix, diagnose } = describeFailure(error);
    createAppLogger(telemetry, new Redactor()).error(problem, { fix, diagnose });
    throw new ReportedFailure(error);
  }
}

async function runWorkerWith(appDir: string, options: AppWorkerOptions, telemetry: TelemetrySettings): Promise<void> {
  const settings = runtimeSettings(appDir, WORKER_HEALTH_ADDRESS);
  const profile = await loadAppProfile(appDir, { onNotice: () => undefined });
  const redactor = new Redactor(profileSecrets(profile));
  const logger = createAppLogger(telemetry, redactor);
  profile.notices.forEach((notice) => logger.warn(`notice: ${notice}`));
  installRuntime(telemetry, logger);
  const tracing = telemetry.otlp
    ? await (await import('./tracing.js')).startTracing(telemetry.otlp, profile.app ?? profile.taskQueue)
    : TRACING_OFF;
  const worker = await Worker.create({
    shutdownGraceTime: settings.shutdownGraceTimeMs,
    ...tracing.options,
    ...options,
    interceptors: { ...tracing.options.interceptors, ...options.interceptors },
    sinks: { ...tracing.options.sinks, ...options.sinks },
    ...(await connectWorker(profile)),
  });
  const log = (line: string) => logger.info(line);
  const health = await serveHealth(
    WORKER_HEALTH_ADDRESS,
    settings.health,
    { check: () => clusterAnswers(worker), silence: "cluster did not answer through the worker's connection" },
    log,
  );
  const removeSignalListeners = notReadyOnSignals(health.readiness);
  const rotation = watchCredentials(
    appDir,
    profile,
    {
      replaceConnection: (next) => {
        redactor.add(profileSecrets(next));
        return replaceConnection(worker, next);
      },
      setApiKey: (apiKey) => {
        redactor.add([apiKey]);
        return (worker.connection as NativeConnection).setApiKey(apiKey);
      },
    },
    { certExpiryWarningMs: settings.certExpiryWarningMs, secretsPollIntervalMs: settings.secretsPollIntervalMs, log },
  );
  if (profile.codec) logger.info(codecStartLine(profile.codec));
  logger.info(
    `Worker polling task queue "${profile.taskQueue}" in namespace "${profile.namespace}" at ${profile.address}. Ctrl-C stops it.`,
    telemetry.metrics ? { metrics: telemetry.metrics } : undefined,
  );
  try {
    await worker.run();
  } finally {
    rotation?.close();
    removeSignalListeners();
    await health.close();
    await worker.connection?.close().catch(() => undefined);
    await tracing.shutdown().catch(() => undefined);
  }
  logger.info('Worker stopped.');
}
