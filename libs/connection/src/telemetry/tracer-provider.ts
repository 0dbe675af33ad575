import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { OtlpSettings } from '../profile/otlp-settings';

export interface TracerProvider {
  processor: SpanProcessor;
  resource: Resource;
  shutdown(): Promise<void>;
}

let started: TracerProvider | undefined;

/**
 * The process's one OpenTelemetry tracer provider, registered globally on first use: spans are
 * batched and sent over OTLP/HTTP (JSON) to `<endpoint>/v1/traces`.
 */
export function startTracerProvider(otlp: OtlpSettings, fallbackServiceName: string): TracerProvider {
  if (started) return started;
  const resource = new Resource({ 'service.name': otlp.serviceName ?? fallbackServiceName });
  const processor = new BatchSpanProcessor(new OTLPTraceExporter({ url: `${otlp.endpoint}/v1/traces` }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  provider.register();
  started = { processor, resource, shutdown: () => provider.shutdown() };
  return started;
}

/** Client calls (workflow starts, signals, queries) in spans whose context travels to the workflow in its headers. */
export const clientTracingInterceptor = (): WorkflowClientInterceptor => new OpenTelemetryWorkflowClientInterceptor();
