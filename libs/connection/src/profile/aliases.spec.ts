import { join } from 'node:path';
import { LEGACY_ALIASES } from './aliases';
import { loadProfile } from './load-profile';
import { certificatePem, pemHeader, privateKeyPem } from '../testing/pem-fixtures';
import { entryFor } from '../testing/entries';
import { dotenv, Sandbox } from '../testing/sandbox';

const BASE = { TEMPORAL_ADDRESS: 'my-ns.a1b2c.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'my-ns.a1b2c' };

describe('older variable names', () => {
  let sandbox: Sandbox;
  let notices: string[];
  beforeEach(() => {
    sandbox = new Sandbox();
    notices = [];
  });
  afterEach(() => sandbox.cleanup());

  const files = () => ({ 'client.pem': certificatePem(), 'client.key': privateKeyPem(), 'ca.pem': certificatePem() });
  const valueFor: Record<string, string> = {
    TEMPORAL_CLIENT_CERT_PATH: 'client.pem',
    TEMPORAL_CLIENT_KEY_PATH: 'client.key',
    TEMPORAL_SERVER_ROOT_CA_CERT_PATH: 'ca.pem',
    TEMPORAL_SERVER_NAME_OVERRIDE: 'my-ns.tmprl.cloud',
    TEMPORAL_CLIENT_API_KEY: 'secret-api-key',
  };
  const pairPartner: Record<string, Record<string, string>> = {
    TEMPORAL_CLIENT_CERT_PATH: { TEMPORAL_TLS_CLIENT_KEY_PATH: 'client.key' },
    TEMPORAL_CLIENT_KEY_PATH: { TEMPORAL_TLS_CLIENT_CERT_PATH: 'client.pem' },
  };

  const loadApp = (vars: Record<string, string>) => {
    const appDir = sandbox.app('app', { ...files(), '.env': dotenv({ ...BASE, ...vars }) });
    const profile = loadProfile({ envDir: appDir, env: sandbox.env(), onNotice: (notice) => notices.push(notice) });
    return { profile, envFile: join(appDir, '.env') };
  };

  it.each(Object.entries(LEGACY_ALIASES))(
    'accepts %s as %s, with a notice naming the standard name',
    (legacy, standard) => {
      const { profile, envFile } = loadApp({ [legacy]: valueFor[legacy], ...pairPartner[legacy] });

      const entry = entryFor(profile, standard);
      expect(entry.source).toBe(`${envFile}, given as ${legacy}`);
      expect(notices).toEqual([`${legacy} in ${envFile} is an older name; rename it to ${standard}.`]);
      expect(profile.notices).toEqual(notices);
    },
  );

  it('loads the cert pair given under older names', () => {
    const { profile } = loadApp({ TEMPORAL_CLIENT_CERT_PATH: 'client.pem', TEMPORAL_CLIENT_KEY_PATH: 'client.key' });

    expect(profile.tls?.clientCert).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(profile.tls?.clientKey).toMatch(pemHeader('PRIVATE KEY'));
  });

  it('takes TEMPORAL_CLIENT_API_KEY as the API key', () => {
    const { profile } = loadApp({ TEMPORAL_CLIENT_API_KEY: 'secret-api-key' });

    expect(profile.apiKey).toBe('secret-api-key');
  });

  it('takes TEMPORAL_SERVER_NAME_OVERRIDE as the TLS server name', () => {
    const { profile } = loadApp({ TEMPORAL_TLS: 'true', TEMPORAL_SERVER_NAME_OVERRIDE: 'my-ns.tmprl.cloud' });

    expect(profile.tls?.serverName).toBe('my-ns.tmprl.cloud');
  });

  it('lets the standard name in the same file win, with a notice that the older one is ignored', () => {
    const { profile, envFile } = loadApp({ TEMPORAL_API_KEY: 'standard-key', TEMPORAL_CLIENT_API_KEY: 'older-key' });

    expect(profile.apiKey).toBe('standard-key');
    expect(entryFor(profile, 'TEMPORAL_API_KEY').source).toBe(envFile);
    expect(notices).toEqual([
      `TEMPORAL_CLIENT_API_KEY in ${envFile} is ignored: TEMPORAL_API_KEY is set there too and wins.`,
    ]);
  });

  it('lets the standard name in the process environment win over an older name in .env', () => {
    const appDir = sandbox.app('app', { '.env': dotenv({ ...BASE, TEMPORAL_CLIENT_API_KEY: 'older-key' }) });

    const profile = loadProfile({
      envDir: appDir,
      env: sandbox.env({ TEMPORAL_API_KEY: 'standard-key' }),
      onNotice: (notice) => notices.push(notice),
    });

    expect(profile.apiKey).toBe('standard-key');
    expect(entryFor(profile, 'TEMPORAL_API_KEY').source).toBe('process environment');
  });

  it('prints notices on stderr when no onNotice is given', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      loadProfile({ env: sandbox.env({ ...BASE, TEMPORAL_CLIENT_API_KEY: 'k' }) });

      expect(warn).toHaveBeenCalledWith(
        'notice: TEMPORAL_CLIENT_API_KEY in process environment is an older name; rename it to TEMPORAL_API_KEY.',
      );
    } finally {
      warn.mockRestore();
    }
  });
});
