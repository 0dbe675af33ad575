import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { telemetrySettings } from './telemetry-settings';

describe('telemetrySettings', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'telemetry-settings-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('logs INFO as text, with metrics and traces off, when nothing is set', () => {
    expect(telemetrySettings(dir, {})).toEqual({
      logLevel: 'INFO',
      logFormat: 'text',
      metrics: undefined,
      otlp: undefined,
    });
  });

  it("reads the app's .env: Prometheus at WORKER_METRICS_ADDRESS wins over OTLP metrics; traces go to the endpoint", () => {
    writeFileSync(join(dir, '.env'), 'WORKER_METRICS_ADDRESS=0.0.0.0:9464\nLOG_FORMAT=JSON\n');
    const env = {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/',
      LOG_LEVEL: 'debug',
      OTEL_SERVICE_NAME: 'billing',
    };
    expect(telemetrySettings(dir, env)).toEqual({
      logLevel: 'DEBUG',
      logFormat: 'json',
      metrics: { prometheus: '0.0.0.0:9464' },
      otlp: { endpoint: 'http://collector:4318', serviceName: 'billing' },
    });
  });

  it('sends metrics over OTLP when only the endpoint is set', () => {
    expect(telemetrySettings(dir, { OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example:4318' }).metrics).toEqual({
      otlp: 'https://otel.example:4318',
    });
  });

  it.each([
    [
      { LOG_LEVEL: 'verbose' },
      /LOG_LEVEL \(from process environment\) is "verbose", not one of TRACE, DEBUG, INFO, WARN, ERROR\./,
    ],
    [
      { LOG_FORMAT: 'logfmt' },
      /LOG_FORMAT \(from process environment\) is "logfmt", not one of text, json\.\n {2}Fix: /,
    ],
    [
      { WORKER_METRICS_ADDRESS: '9464' },
      /WORKER_METRICS_ADDRESS .* not a host:port address\.\n {2}Fix: set e\.g\. WORKER_METRICS_ADDRESS=127\.0\.0\.1:9464/,
    ],
    [
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4317' },
      /OTEL_EXPORTER_OTLP_ENDPOINT \(from process environment\) is "collector:4317", not an http:\/\/ or https:\/\/ URL\.\n {2}Fix: /,
    ],
  ])('refuses %j naming the value and the fix', (env, message) => {
    const attempt = () => telemetrySettings(dir, env);
    expect(attempt).toThrow(message);
  });
});
