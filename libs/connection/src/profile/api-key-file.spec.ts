import { describeProfile } from './describe-profile';
import { UnreadableFileError, UnsupportedSettingError } from '../errors/profile-errors';
import { loadProfile } from './load-profile';
import { dotenv, Sandbox, thrownBy } from '../testing/sandbox';

const BASE = { TEMPORAL_ADDRESS: 'localhost:7233', TEMPORAL_NAMESPACE: 'default' };
const KEY = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl';

describe('TEMPORAL_API_KEY_FILE', () => {
  let sandbox: Sandbox;
  beforeEach(() => (sandbox = new Sandbox()));
  afterEach(() => sandbox.cleanup());

  const load = (vars: Record<string, string>, files: Record<string, string> = {}) =>
    loadProfile({ envDir: sandbox.app('app', { ...files, '.env': dotenv({ ...BASE, ...vars }) }), env: sandbox.env() });

  it('reads the key from a file relative to the app folder, turns TLS on, and never prints the key', () => {
    const profile = load({ TEMPORAL_API_KEY_FILE: 'secrets/api-key' }, { 'secrets/api-key': `${KEY}\n` });
    expect(profile.apiKey).toBe(KEY);
    expect(profile.apiKeyFile).toBe(`${sandbox.root}/app/secrets/api-key`);
    expect(profile.tls).toBeDefined();
    expect(describeProfile(profile)).toContain(`TEMPORAL_API_KEY_FILE  ${sandbox.root}/app/secrets/api-key`);
    expect(describeProfile(profile)).not.toContain(KEY);
  });

  it('refuses a missing file, naming the variable and the path', () => {
    const error = thrownBy(() => load({ TEMPORAL_API_KEY_FILE: 'nope' }));
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect(error.message).toContain(
      `TEMPORAL_API_KEY_FILE (from ${sandbox.root}/app/.env) points at ${sandbox.root}/app/nope`,
    );
  });

  it('refuses an empty file and one set together with TEMPORAL_API_KEY', () => {
    expect(thrownBy(() => load({ TEMPORAL_API_KEY_FILE: 'key' }, { key: '\n' })).message).toMatch(/which is empty/);
    const both = thrownBy(() => load({ TEMPORAL_API_KEY_FILE: 'key', TEMPORAL_API_KEY: KEY }, { key: KEY }));
    expect(both).toBeInstanceOf(UnsupportedSettingError);
    expect(both.message).toMatch(/and TEMPORAL_API_KEY \(from .*\) are both set/);
    expect(both.message).not.toContain(KEY);
  });
});
