import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuntimeSettingError, runtimeSettings } from './runtime-settings';

describe('runtimeSettings', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'runtime-settings-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps health off and uses the defaults when nothing is set', () => {
    expect(runtimeSettings(dir, 'WORKER_HEALTH_ADDRESS', {})).toEqual({
      health: undefined,
      certExpiryWarningMs: 7 * 86_400_000,
      shutdownGraceTimeMs: 10_000,
      secretsPollIntervalMs: 60_000,
    });
  });

  it("reads the app's .env and lets the process environment win", () => {
    writeFileSync(join(dir, '.env'), 'WORKER_HEALTH_ADDRESS=0.0.0.0:8081\nTEMPORAL_TLS_CERT_EXPIRY_WARNING=12h\n');
    const settings = runtimeSettings(dir, 'WORKER_HEALTH_ADDRESS', {
      WORKER_SHUTDOWN_GRACE_TIME: '30s',
      SECRETS_POLL_INTERVAL: '5s',
    });
    expect(settings).toEqual({
      health: { host: '0.0.0.0', port: 8081 },
      certExpiryWarningMs: 12 * 3_600_000,
      shutdownGraceTimeMs: 30_000,
      secretsPollIntervalMs: 5_000,
    });
  });

  it('refuses a health address without a port, naming the variable and where it came from', () => {
    const attempt = () => runtimeSettings(dir, 'WORKER_HEALTH_ADDRESS', { WORKER_HEALTH_ADDRESS: 'localhost' });
    expect(attempt).toThrow(RuntimeSettingError);
    expect(attempt).toThrow(
      'WORKER_HEALTH_ADDRESS (from process environment) is "localhost", not a host:port address.',
    );
  });

  it('refuses a duration without a unit', () => {
    expect(() => runtimeSettings(dir, 'X', { WORKER_SHUTDOWN_GRACE_TIME: '10' })).toThrow(
      /WORKER_SHUTDOWN_GRACE_TIME \(from process environment\) is "10", not a duration\.\n {2}Fix: write a whole number and a unit/,
    );
  });
});
