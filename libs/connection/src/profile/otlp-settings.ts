import { UnsupportedSettingError } from '../errors/profile-errors';
import type { MergedEnv } from './env-layers';

export const OTLP_ENDPOINT = 'OTEL_EXPORTER_OTLP_ENDPOINT';
export const SERVICE_NAME = 'OTEL_SERVICE_NAME';

/** Where traces (and, without a Prometheus address, the worker's metrics) go: an OTLP/HTTP collector. */
export interface OtlpSettings {
  /** The collector's base URL, without a trailing slash: signals go to `<endpoint>/v1/traces` and `/v1/metrics`. */
  endpoint: string;
  serviceName?: string;
}

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** The standard OpenTelemetry names; undefined keeps traces off. */
export function resolveOtlpSettings(merged: MergedEnv): OtlpSettings | undefined {
  const endpoint = merged.vars[OTLP_ENDPOINT]?.trim();
  if (!endpoint) return undefined;
  if (!isHttpUrl(endpoint)) {
    throw new UnsupportedSettingError(
      { variable: OTLP_ENDPOINT, source: merged.sourceOf[OTLP_ENDPOINT] },
      `is "${endpoint}", not an http:// or https:// URL.`,
      `set the OTLP/HTTP base URL of your collector, e.g. ${OTLP_ENDPOINT}=http://127.0.0.1:4318, or remove it to keep traces off.`,
    );
  }
  return { endpoint: endpoint.replace(/\/+$/, ''), serviceName: merged.vars[SERVICE_NAME]?.trim() || undefined };
}
