import { join } from 'node:path';
import { describeProfile } from './describe-profile';
import { loadProfile } from './load-profile';
import { certificatePem, pemBody, privateKeyPem } from '../testing/pem-fixtures';
import { dotenv, Sandbox } from '../testing/sandbox';

const BASE = { TEMPORAL_ADDRESS: 'my-ns.a1b2c.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'my-ns.a1b2c' };

describe('describeProfile', () => {
  let sandbox: Sandbox;
  beforeEach(() => (sandbox = new Sandbox()));
  afterEach(() => sandbox.cleanup());

  const describeEnv = (vars: Record<string, string>) =>
    describeProfile(loadProfile({ env: sandbox.env({ ...BASE, ...vars }), onNotice: () => undefined }));

  it('lists each variable with its value and source, one per line', () => {
    const appDir = sandbox.app('app', {
      '.env': dotenv({ TEMPORAL_NAMESPACE: 'my-ns.a1b2c', TEMPORAL_TASK_QUEUE: 'greetings' }),
    });
    const profile = loadProfile({ envDir: appDir, env: sandbox.env({ TEMPORAL_ADDRESS: 'localhost:7233' }) });

    const lines = describeProfile(profile).split('\n');

    expect(lines).toEqual([
      expect.stringMatching(/^ {2}TEMPORAL_ADDRESS +localhost:7233 +process environment$/),
      expect.stringMatching(new RegExp(`^ {2}TEMPORAL_NAMESPACE +my-ns\\.a1b2c +${join(appDir, '.env')}$`)),
      expect.stringMatching(new RegExp(`^ {2}TEMPORAL_TASK_QUEUE +greetings +${join(appDir, '.env')}$`)),
      expect.stringMatching(/^ {2}TEMPORAL_TLS +off +default$/),
    ]);
  });

  it('never prints the API key', () => {
    const text = describeEnv({ TEMPORAL_API_KEY: 'secret-api-key-123' });

    expect(text).toMatch(/TEMPORAL_API_KEY +<redacted> +process environment/);
    expect(text).not.toContain('secret-api-key-123');
  });

  it('never prints an API key given under its older name', () => {
    const text = describeEnv({ TEMPORAL_CLIENT_API_KEY: 'secret-api-key-123' });

    expect(text).toContain('<redacted>');
    expect(text).not.toContain('secret-api-key-123');
  });

  it('never prints inline key data', () => {
    const key = privateKeyPem();

    const text = describeEnv({ TEMPORAL_TLS_CLIENT_CERT_DATA: certificatePem(), TEMPORAL_TLS_CLIENT_KEY_DATA: key });

    expect(text).toMatch(/TEMPORAL_TLS_CLIENT_KEY_DATA +<redacted> +process environment/);
    expect(text).not.toContain(pemBody(key).slice(0, 24));
  });

  it('never prints an authorization gRPC meta value, but prints other headers', () => {
    const text = describeEnv({
      TEMPORAL_GRPC_META_AUTHORIZATION: 'Bearer secret-token',
      TEMPORAL_GRPC_META_X_TENANT: 'acme',
    });

    expect(text).toMatch(/TEMPORAL_GRPC_META_AUTHORIZATION +<redacted>/);
    expect(text).not.toContain('secret-token');
    expect(text).toMatch(/TEMPORAL_GRPC_META_X_TENANT +acme +process environment/);
  });

  it('shows cert and key paths, which are not secrets', () => {
    const certPath = sandbox.write('client.pem', certificatePem());
    const keyPath = sandbox.write('client.key', privateKeyPem());

    const text = describeEnv({ TEMPORAL_TLS_CLIENT_CERT_PATH: certPath, TEMPORAL_TLS_CLIENT_KEY_PATH: keyPath });

    expect(text).toMatch(new RegExp(`TEMPORAL_TLS_CLIENT_CERT_PATH +${certPath} +process environment`));
    expect(text).toMatch(new RegExp(`TEMPORAL_TLS_CLIENT_KEY_PATH +${keyPath} +process environment`));
  });

  it('ends with the notices', () => {
    const text = describeEnv({ TEMPORAL_SERVER_NAME_OVERRIDE: 'my-ns.tmprl.cloud', TEMPORAL_TLS: 'true' });

    expect(text.split('\n').at(-1)).toBe(
      '  notice: TEMPORAL_SERVER_NAME_OVERRIDE in process environment is an older name; rename it to TEMPORAL_TLS_SERVER_NAME.',
    );
  });
});
