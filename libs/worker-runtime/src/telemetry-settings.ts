import { mergeLayers, readEnvLayers, type MergedEnv } from '@temporal-samples/connection';
import type { LogLevel } from '@temporalio/common';
import { from, healthAddress, RuntimeSettingError } from './runtime-settings';

export const LOG_LEVEL = 'LOG_LEVEL';
export const LOG_FORMAT = 'LOG_FORMAT';
export const WORKER_METRICS_ADDRESS = 'WORKER_METRICS_ADDRESS';
export const OTLP_ENDPOINT = 'OTEL_EXPORTER_OTLP_ENDPOINT';
export const SERVICE_NAME = 'OTEL_SERVICE_NAME';

const LOG_LEVELS: readonly LogLevel[] = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'];
const LOG_FORMATS = ['text', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export type MetricsExport = { prometheus: string } | { otlp: string };

export interface TelemetrySettings {
  logLevel: LogLevel;
  logFormat: LogFormat;
  /** The SDK's metrics: Prometheus at WORKER_METRICS_ADDRESS, else OTLP when an endpoint is set; off otherwise. */
  metrics?: MetricsExport;
  /** The OTLP/HTTP endpoint traces go to; tracing is off without it. */
  otlpEndpoint?: string;
  serviceName?: string;
}

function oneOf<T extends string>(merged: MergedEnv, name: string, allowed: readonly T[], fallback: T): T {
  const text = merged.vars[name];
  if (text === undefined) return fallback;
  const value = allowed.find((candidate) => candidate.toLowerCase() === text.trim().toLowerCase());
  if (!value) {
    throw new RuntimeSettingError(
      `${from(merged, name)} is "${text}", not one of ${allowed.join(', ')}.`,
      `set ${name} to one of ${allowed.join(', ')}, or remove it for ${fallback}.`,
    );
  }
  return value;
}

function otlpEndpoint(merged: MergedEnv): string | undefined {
  const text = merged.vars[OTLP_ENDPOINT]?.trim();
  if (!text) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw new RuntimeSettingError(
      `${from(merged, OTLP_ENDPOINT)} is "${text}", not an http:// or https:// URL.`,
      `set the OTLP/HTTP base URL of your collector, e.g. ${OTLP_ENDPOINT}=http://127.0.0.1:4318, or remove it to keep traces off.`,
    );
  }
  return text.replace(/\/+$/, '');
}

function metricsExport(merged: MergedEnv, endpoint: string | undefined): MetricsExport | undefined {
  const address = healthAddress(merged, WORKER_METRICS_ADDRESS, 9464);
  if (address)
    return { prometheus: `${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}` };
  return endpoint ? { otlp: endpoint } : undefined;
}

/** Logs, metrics and traces from the app's profile layers (process environment, `.env.local`, `.env`). */
export function telemetrySettings(appDir: string, env = process.env): TelemetrySettings {
  const merged = mergeLayers(readEnvLayers(appDir, env));
  const endpoint = otlpEndpoint(merged);
  return {
    logLevel: oneOf(merged, LOG_LEVEL, LOG_LEVELS, 'INFO'),
    logFormat: oneOf(merged, LOG_FORMAT, LOG_FORMATS, 'text'),
    metrics: metricsExport(merged, endpoint),
    otlpEndpoint: endpoint,
    serviceName: merged.vars[SERVICE_NAME]?.trim() || undefined,
  };
}
