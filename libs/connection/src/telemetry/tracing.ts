import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { OtlpSettings } from '../profile/otlp-settings';
import type { Profile } from '../profile/profile';
import type { TracerProvider } from './tracer-provider';

let provider: Promise<TracerProvider> | undefined;
const sdk = () => import('./tracer-provider.js');

/** The process's tracer provider; the OpenTelemetry SDK is loaded only when a profile turns tracing on. */
export function tracerProvider(otlp: OtlpSettings, fallbackServiceName: string): Promise<TracerProvider> {
  provider ??= sdk().then(({ startTracerProvider }) => startTracerProvider(otlp, fallbackServiceName));
  return provider;
}

/** The client interceptors a profile asks for: a span per workflow start when OTEL_EXPORTER_OTLP_ENDPOINT is set. */
export async function clientTracing(profile: Profile): Promise<WorkflowClientInterceptor[]> {
  if (!profile.otlp) return [];
  await tracerProvider(profile.otlp, profile.app ?? profile.taskQueue ?? 'temporal-client');
  return [(await sdk()).clientTracingInterceptor()];
}

const FLUSH_TIMEOUT_MS = 2_000;

/** Sends the spans still batched, giving up after 2 s (a collector that does not answer); a no-op when tracing never started. */
export async function flushTraces(): Promise<void> {
  if (!provider) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, FLUSH_TIMEOUT_MS)));
  const shutdown = provider.then((started) => started.shutdown()).catch(() => undefined);
  await Promise.race([shutdown, timeout]).finally(() => clearTimeout(timer));
}
