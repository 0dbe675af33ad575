import { ErrorWithFix, mergeLayers, readEnvLayers, type MergedEnv } from '@temporal-samples/connection';

export class RuntimeSettingError extends ErrorWithFix {}

export interface HealthAddress {
  host: string;
  port: number;
}

export interface RuntimeSettings {
  /** Where /livez and /readyz are served; undefined keeps them off. */
  health?: HealthAddress;
  /** Warn when the client certificate in use expires within this many milliseconds. */
  certExpiryWarningMs: number;
  /** How long in-flight activities get after SIGINT/SIGTERM before they are cancelled (the Worker's shutdownGraceTime). */
  shutdownGraceTimeMs: number;
  /** How often the secrets a profile names (`*_SECRET`) are checked for a new version. */
  secretsPollIntervalMs: number;
}

export const CERT_EXPIRY_WARNING = 'TEMPORAL_TLS_CERT_EXPIRY_WARNING';
export const SHUTDOWN_GRACE_TIME = 'WORKER_SHUTDOWN_GRACE_TIME';
export const DEFAULT_CERT_EXPIRY_WARNING = '7d';
export const DEFAULT_SHUTDOWN_GRACE_TIME = '10s';
export const SECRETS_POLL_INTERVAL = 'SECRETS_POLL_INTERVAL';
export const DEFAULT_SECRETS_POLL_INTERVAL = '60s';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export const from = (merged: MergedEnv, name: string) => `${name} (from ${merged.sourceOf[name]})`;

function duration(merged: MergedEnv, name: string, fallback: string): number {
  const text = merged.vars[name] ?? fallback;
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) {
    throw new RuntimeSettingError(
      `${from(merged, name)} is "${text}", not a duration.`,
      `write a whole number and a unit (ms, s, m, h, d), e.g. ${name}=${fallback}.`,
    );
  }
  return Number(match[1]) * UNIT_MS[match[2]];
}

/** How long before the client certificate expires the worker and doctor warn (TEMPORAL_TLS_CERT_EXPIRY_WARNING, default 7d). */
export function certExpiryWarningMs(merged: MergedEnv): number {
  return duration(merged, CERT_EXPIRY_WARNING, DEFAULT_CERT_EXPIRY_WARNING);
}

/** `host:port` with a numeric port, e.g. `127.0.0.1:8081` or `0.0.0.0:8081` in a container. */
export function healthAddress(merged: MergedEnv, name: string, examplePort = 8081): HealthAddress | undefined {
  const text = merged.vars[name];
  if (!text) return undefined;
  const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(text.trim());
  const port = Number(match?.[2]);
  if (!match || port > 65535) {
    throw new RuntimeSettingError(
      `${from(merged, name)} is "${text}", not a host:port address.`,
      `set e.g. ${name}=127.0.0.1:${examplePort} (0.0.0.0:${examplePort} inside a container), or remove it to keep the endpoints off.`,
    );
  }
  return { host: match[1].replace(/^\[|\]$/g, ''), port };
}

/** The runtime's own settings from the app's profile layers (process environment, `.env.local`, `.env`). */
export function runtimeSettings(appDir: string, healthVariable: string, env = process.env): RuntimeSettings {
  const merged = mergeLayers(readEnvLayers(appDir, env));
  return {
    health: healthAddress(merged, healthVariable),
    certExpiryWarningMs: certExpiryWarningMs(merged),
    shutdownGraceTimeMs: duration(merged, SHUTDOWN_GRACE_TIME, DEFAULT_SHUTDOWN_GRACE_TIME),
    secretsPollIntervalMs: duration(merged, SECRETS_POLL_INTERVAL, DEFAULT_SECRETS_POLL_INTERVAL),
  };
}
