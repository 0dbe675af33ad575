import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudNamespaceError, MissingEnvFileError, WebUiAddressError } from '../errors/profile-errors';
import { loadProfile } from './load-profile';

const load = (vars: Record<string, string>, envDir?: string) => () =>
  loadProfile({ env: { HOME: tmpdir(), ...vars }, envDir, useConfigFile: false });

describe('Temporal Cloud checks', () => {
  it('refuses the Web UI host where the gRPC endpoint belongs', () => {
    const check = load({ TEMPORAL_ADDRESS: 'web.a1b2c.tmprl.cloud:443', TEMPORAL_NAMESPACE: 'payments.a1b2c' });
    expect(check).toThrow(WebUiAddressError);
    expect(check).toThrow(
      /is "web\.a1b2c\.tmprl\.cloud:443", the Web UI host[\s\S]*Fix: use the namespace's gRPC endpoint, e\.g\. <namespace>\.<account>\.tmprl\.cloud:7233/,
    );
  });

  it('refuses a namespace without its account suffix on a Cloud endpoint', () => {
    const check = load({ TEMPORAL_ADDRESS: 'payments.a1b2c.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'payments' });
    expect(check).toThrow(CloudNamespaceError);
    expect(check).toThrow(
      /TEMPORAL_NAMESPACE \(from process environment\) is "payments".*namespaces are named <namespace>\.<account>/,
    );
  });

  it('applies the same rule to the regional API-key endpoints', () => {
    const check = load({ TEMPORAL_ADDRESS: 'us-east-1.aws.api.temporal.io:7233', TEMPORAL_NAMESPACE: 'payments' });
    expect(check).toThrow(CloudNamespaceError);
  });

  it('accepts <name>.<account> on Cloud and any namespace elsewhere', () => {
    expect(
      load({ TEMPORAL_ADDRESS: 'payments.a1b2c.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'payments.a1b2c' }),
    ).not.toThrow();
    expect(load({ TEMPORAL_ADDRESS: 'localhost:7233', TEMPORAL_NAMESPACE: 'payments' })).not.toThrow();
  });

  describe('an app folder with only .env.example', () => {
    let appDir: string;
    beforeEach(() => {
      appDir = mkdtempSync(join(tmpdir(), 'cloud-app-'));
      writeFileSync(join(appDir, '.env.example'), 'TEMPORAL_ADDRESS=<namespace>.<account>.tmprl.cloud:7233\n');
    });
    afterEach(() => rmSync(appDir, { recursive: true, force: true }));

    it('is told to copy the template', () => {
      const check = load({}, appDir);
      expect(check).toThrow(MissingEnvFileError);
      expect(check).toThrow(
        new RegExp(`Fix: copy the template and fill it in: cp .*\\.env\\.example .*${appDir.split('/').pop()}/\\.env`),
      );
    });

    it('refuses the template itself when copied without filling it in', () => {
      writeFileSync(join(appDir, '.env'), 'TEMPORAL_ADDRESS=<namespace>.<account>.tmprl.cloud:7233\n');
      expect(load({}, appDir)).toThrow(
        /TEMPORAL_ADDRESS \(from .*\.env\) still holds a template placeholder[\s\S]*Fix: replace it with your own value/,
      );
    });

    it('still runs when the environment gives the connection', () => {
      expect(load({ TEMPORAL_ADDRESS: 'localhost:7233', TEMPORAL_NAMESPACE: 'samples' }, appDir)).not.toThrow();
    });
  });
});
