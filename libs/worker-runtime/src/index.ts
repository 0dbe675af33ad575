export { runWorker, WORKER_HEALTH_ADDRESS, type AppWorkerOptions } from './run-worker';
export { watchCredentials, credentialFiles, type CredentialRotation, type RotationTarget } from './credential-rotation';
export { serveHealth, notReadyOnSignals, type ProcessHealth } from './health';
export { Readiness, type ReadinessStatus } from './readiness';
export { startHealthServer, type HealthServer } from './health-server';
export { watchFiles, contentHash, type FileWatch } from './watch-files';
export { expiryWarning, clientCertificateValidity, describeRemaining } from './certificate-expiry';
export {
  runtimeSettings,
  certExpiryWarningMs,
  RuntimeSettingError,
  CERT_EXPIRY_WARNING,
  SHUTDOWN_GRACE_TIME,
  type RuntimeSettings,
} from './runtime-settings';
export { telemetrySettings, type TelemetrySettings, type LogFormat } from './telemetry-settings';
export { createAppLogger } from './app-logger';
export { formatLogEntry } from './log-lines';
export { Redactor, profileSecrets } from './redaction';
export { installRuntime } from './install-runtime';
export { workflowInterceptorModules, type WorkerTracing } from './workflow-tracing';
