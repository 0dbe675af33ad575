import type { OpenTelemetryWorkflowExporter } from '@temporalio/interceptors-opentelemetry';
import type { InjectedSinks, WorkerOptions } from '@temporalio/worker';

/**
 * The workflow interceptors the `bundle` target puts into every app's workflow bundle; spans made
 * in the workflow sandbox leave it through the `exporter` sink.
 */
export const workflowInterceptorModules = () => [
  require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors'),
];

export interface WorkerTracing {
  options: Pick<WorkerOptions, 'interceptors' | 'sinks'>;
  /** Exports the spans still buffered. */
  shutdown(): Promise<void>;
}

/** With tracing off the bundle's workflow spans still reach the sink, which drops them. */
const dropWorkflowSpans: InjectedSinks<{ exporter: OpenTelemetryWorkflowExporter }> = {
  exporter: { export: { fn: () => undefined } },
};

export const TRACING_OFF: WorkerTracing = { options: { sinks: dropWorkflowSpans }, shutdown: async () => undefined };
