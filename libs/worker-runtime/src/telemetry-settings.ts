import {
  mergeLayers,
  readEnvLayers,
  resolveOtlpSettings,
  type MergedEnv,
  type OtlpSettings,
} from '@temporal-samples/connection';
import type { LogLevel } from '@temporalio/common';
import { from, healthAddress, RuntimeSettingError } from './runtime-settings';

export const LOG_LEVEL = 'LOG_LEVEL';
export const LOG_FORMAT = 'LOG_FORMAT';
export const WORKER_METRICS_ADDRESS = 'WORKER_METRICS_ADDRESS';

const LOG_LEVELS: readonly LogLevel[] = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'];
const LOG_FORMATS = ['text', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export type MetricsExport = { prometheus: string } | { otlp: string };

export interface TelemetrySettings {
  logLevel: LogLevel;
  logFormat: LogFormat;
  /** The SDK's metrics: Prometheus at WORKER_METRICS_ADDRESS, else OTLP when an endpoint is set; off otherwise. */
  metrics?: MetricsExport;
  /** The OTLP/HTTP collector traces go to; tracing is off without it. */
  otlp?: OtlpSettings;
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

function metricsExport(merged: MergedEnv, otlp: OtlpSettings | undefined): MetricsExport | undefined {
  const address = healthAddress(merged, WORKER_METRICS_ADDRESS, 9464);
  if (address)
    return { prometheus: `${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}` };
  return otlp ? { otlp: otlp.endpoint } : undefined;
}

/** Logs, metrics and traces from the app's profile layers (process environment, `.env.local`, `.env`). */
export function telemetrySettings(appDir: string, env = process.env): TelemetrySettings {
  const merged = mergeLayers(readEnvLayers(appDir, env));
  const otlp = resolveOtlpSettings(merged);
  return {
    logLevel: oneOf(merged, LOG_LEVEL, LOG_LEVELS, 'INFO'),
    logFormat: oneOf(merged, LOG_FORMAT, LOG_FORMATS, 'text'),
    metrics: metricsExport(merged, otlp),
    otlp,
  };
}
