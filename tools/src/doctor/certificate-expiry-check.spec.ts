import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProfile } from '@temporal-samples/connection';
import { generateForeignClient, type TestClient } from '../certs/test-material';
import { checkCertificateExpiry } from './certificate-expiry-check';
import { formatReport } from './format-report';

describe('doctor: client certificate expiry (TEMPORAL_TLS_CERT_EXPIRY_WARNING)', () => {
  let dir: string;
  let threeDays: TestClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'doctor-expiry-'));
    threeDays = await generateForeignClient(dir, 'three-days', 'ecdsa', 3);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const check = (extra: Record<string, string> = {}) => {
    const env = {
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'samples',
      TEMPORAL_TLS_CLIENT_CERT_PATH: threeDays.certPath,
      TEMPORAL_TLS_CLIENT_KEY_PATH: threeDays.keyPath,
      ...extra,
    };
    const options = { env, useConfigFile: false, onNotice: () => undefined };
    return checkCertificateExpiry(options, loadProfile(options));
  };

  it('warns within the default 7 days, naming the file and the expiry date, and still passes', () => {
    const [result] = check();
    expect(result).toMatchObject({ section: 'profile', name: 'client certificate expiry', ok: true, warning: true });
    expect(result.found).toContain(`the client certificate in ${threeDays.certPath} (TEMPORAL_TLS_CLIENT_CERT_PATH)`);
    expect(result.found).toMatch(
      /expires at \d{4}-\d\d-\d\dT[\d:.]+Z, in [23]\.\d days: within TEMPORAL_TLS_CERT_EXPIRY_WARNING \(7\.0 days\)\./,
    );
    expect(result.fix).toMatch(/renew it and replace its files/);
    const report = formatReport([result]);
    expect(report).toMatch(/^ {2}! client certificate expiry: /m);
    expect(report).toMatch(/^ {6}Fix: renew it/m);
    expect(report).toMatch(/All checks passed, with 1 warning\.$/);
  });

  it('passes quietly outside a shorter window', () => {
    const [result] = check({ TEMPORAL_TLS_CERT_EXPIRY_WARNING: '1d' });
    expect(result.ok).toBe(true);
    expect(result.warning).toBeUndefined();
    expect(formatReport([result])).toMatch(/^ {2}✓ client certificate expiry: .* expires at .*, in [23]\.\d days$/m);
  });

  it('fails on a window that is not a duration, naming the value and the fix', () => {
    const [result] = check({ TEMPORAL_TLS_CERT_EXPIRY_WARNING: 'soon' });
    expect(result.ok).toBe(false);
    expect(result.found).toBe('TEMPORAL_TLS_CERT_EXPIRY_WARNING (from process environment) is "soon", not a duration.');
    expect(result.fix).toMatch(/TEMPORAL_TLS_CERT_EXPIRY_WARNING=7d/);
  });

  it('has nothing to say without a client certificate', () => {
    const options = {
      env: { TEMPORAL_ADDRESS: '127.0.0.1:7233', TEMPORAL_NAMESPACE: 'samples' },
      useConfigFile: false,
      onNotice: () => undefined,
    };
    expect(checkCertificateExpiry(options, loadProfile(options))).toEqual([]);
  });
});
