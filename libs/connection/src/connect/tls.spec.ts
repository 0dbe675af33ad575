import { join } from 'node:path';
import { connectionOptions } from './connection-options';
import { loadProfile } from '../profile/load-profile';
import { entryFor } from '../testing/entries';
import { certificatePem, privateKeyPem } from '../testing/pem-fixtures';
import { dotenv, Sandbox } from '../testing/sandbox';

const BASE = { TEMPORAL_ADDRESS: 'localhost:7233', TEMPORAL_NAMESPACE: 'samples' };

describe('TLS on or off', () => {
  let sandbox: Sandbox;
  beforeEach(() => (sandbox = new Sandbox()));
  afterEach(() => sandbox.cleanup());

  const load = (vars: Record<string, string>) => loadProfile({ env: sandbox.env({ ...BASE, ...vars }) });

  it('is off by default, and the connection is plaintext', () => {
    const profile = load({});

    expect(profile.tls).toBeUndefined();
    expect(entryFor(profile, 'TEMPORAL_TLS')).toMatchObject({ value: 'off', source: 'default' });
    expect(connectionOptions(profile).tls).toBe(false);
  });

  it('is on with TEMPORAL_TLS=true', () => {
    const profile = load({ TEMPORAL_TLS: 'true' });

    expect(profile.tls).toBeDefined();
    expect(entryFor(profile, 'TEMPORAL_TLS')).toMatchObject({ value: 'on', source: 'process environment' });
    expect(connectionOptions(profile).tls).not.toBe(false);
  });

  it('is turned on by an API key alone', () => {
    const profile = load({ TEMPORAL_API_KEY: 'secret-api-key' });

    expect(profile.tls).toBeDefined();
    expect(entryFor(profile, 'TEMPORAL_TLS')).toMatchObject({ value: 'on', source: 'implied by TEMPORAL_API_KEY' });
    expect(connectionOptions(profile)).toMatchObject({ apiKey: 'secret-api-key', tls: expect.any(Object) });
  });

  it('is turned on by a cert pair alone', () => {
    const profile = load({
      TEMPORAL_TLS_CLIENT_CERT_DATA: certificatePem(),
      TEMPORAL_TLS_CLIENT_KEY_DATA: privateKeyPem(),
    });

    expect(entryFor(profile, 'TEMPORAL_TLS')).toMatchObject({ value: 'on', source: 'implied by the TLS settings' });
  });

  it('is turned off by TEMPORAL_TLS=false even with an API key', () => {
    const appDir = sandbox.app('app', { '.env': dotenv({ ...BASE, TEMPORAL_API_KEY: 'k', TEMPORAL_TLS: 'false' }) });

    const profile = loadProfile({ envDir: appDir, env: sandbox.env() });

    expect(profile.tls).toBeUndefined();
    expect(entryFor(profile, 'TEMPORAL_TLS')).toMatchObject({ value: 'off', source: join(appDir, '.env') });
    expect(connectionOptions(profile).tls).toBe(false);
  });

  it('lets TEMPORAL_TLS=true in the environment override tls.disabled in the TOML profile', () => {
    const toml = sandbox.write('temporal.toml', '[profile.default]\n[profile.default.tls]\ndisabled = true\n');

    const profile = load({ TEMPORAL_CONFIG_FILE: toml, TEMPORAL_TLS: 'true' });

    expect(profile.tls).toBeDefined();
  });

  it('takes tls.disabled from the TOML profile, naming it', () => {
    const toml = sandbox.write(
      'temporal.toml',
      '[profile.default]\napi_key = "k"\n[profile.default.tls]\ndisabled = true\n',
    );

    const profile = load({ TEMPORAL_CONFIG_FILE: toml });

    expect(profile.tls).toBeUndefined();
    expect(entryFor(profile, 'tls.disabled')).toMatchObject({ value: 'off', source: `profile "default" in ${toml}` });
  });

  it('stays off when a .env template leaves TEMPORAL_API_KEY blank', () => {
    const appDir = sandbox.app('app', { '.env': dotenv({ ...BASE, TEMPORAL_API_KEY: '' }) });

    const profile = loadProfile({ envDir: appDir, env: sandbox.env() });

    expect(profile.tls).toBeUndefined();
    expect(connectionOptions(profile).tls).toBe(false);
  });
});
