import { tracerProvider, flushTraces, type OtlpSettings } from '@temporal-samples/connection';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { WorkerTracing } from './workflow-tracing';

/**
 * OpenTelemetry tracing of workflow and activity execution (and of workflows activities start),
 * on the process's tracer provider (OTLP/HTTP to `<endpoint>/v1/traces`).
 */
export async function startTracing(otlp: OtlpSettings, fallbackServiceName: string): Promise<WorkerTracing> {
  const { processor, resource } = await tracerProvider(otlp, fallbackServiceName);
  return {
    options: {
      interceptors: {
        activity: [
          (ctx) => ({
            inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
            outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
          }),
        ],
        client: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] },
      },
      sinks: { exporter: makeWorkflowExporter(processor, resource) },
    },
    shutdown: flushTraces,
  };
}
