import { Runtime, type Logger, type MetricsExporterConfig } from '@temporalio/worker';
import { RuntimeSettingError } from './runtime-settings';
import { WORKER_METRICS_ADDRESS, type MetricsExport, type TelemetrySettings } from './telemetry-settings';

function metricsExporter(metrics: MetricsExport | undefined): MetricsExporterConfig | undefined {
  if (!metrics) return undefined;
  if ('prometheus' in metrics) return { prometheus: { bindAddress: metrics.prometheus } };
  return { otel: { url: `${metrics.otlp}/v1/metrics`, http: true } };
}

/**
 * Installs the SDK's Runtime with the process's logger (native logs forwarded to it at LOG_LEVEL)
 * and its metrics exporter. Call it before any connection is made; a second call is a no-op.
 */
export function installRuntime(settings: TelemetrySettings, logger: Logger): Runtime {
  if (Runtime.instantiator !== undefined) return Runtime.instance();
  try {
    return Runtime.install({
      logger,
      telemetryOptions: {
        logging: { filter: { core: settings.logLevel, other: 'ERROR' }, forward: {} },
        metrics: metricsExporter(settings.metrics),
      },
    });
  } catch (error) {
    if (settings.metrics && 'prometheus' in settings.metrics) {
      throw new RuntimeSettingError(
        `${WORKER_METRICS_ADDRESS} is ${settings.metrics.prometheus}, where the metrics server cannot listen: ${(error as Error).message}.`,
        `choose a free port, e.g. ${WORKER_METRICS_ADDRESS}=127.0.0.1:9464, or remove it to keep metrics off.`,
      );
    }
    throw error;
  }
}
