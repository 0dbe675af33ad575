import { loadProfile } from '../profile/load-profile';
import { resolveProfile } from '../profile/resolve-profile';
import { caCertificatePem, certificatePem, privateKeyPem } from '../testing/pem-fixtures';
import { Sandbox } from '../testing/sandbox';
import type { SecretSetting } from '../errors/secret-errors';
import type { SecretStore, SecretVersion } from './secret-store';
import type { ProfileSecrets } from './read-secrets';
import { watchSecretVersions } from './watch-secret-versions';

/** A store over a map, for the logic around stores; the AWS one is proven against moto in e2e. */
class MapStore implements SecretStore {
  readonly name = 'Test Store';
  reads = 0;
  constructor(readonly secrets: Record<string, SecretVersion>) {}
  async read(secret: SecretSetting): Promise<SecretVersion> {
    this.reads += 1;
    const found = this.secrets[secret.secretId];
    if (!found) throw new Error(`no ${secret.secretId}`);
    return found;
  }
}

describe('credentials from a secrets manager', () => {
  let sandbox: Sandbox;
  beforeEach(() => (sandbox = new Sandbox()));
  afterEach(() => sandbox.cleanup());

  const base = { TEMPORAL_ADDRESS: 'localhost:7233', TEMPORAL_NAMESPACE: 'samples' };
  const store = () =>
    new MapStore({
      'tls/client': { value: JSON.stringify({ cert: certificatePem(), key: privateKeyPem() }), versionId: 'v1' },
      'tls/ca': { value: caCertificatePem(), versionId: 'c1' },
      'api-key': { value: 'the-api-key\n', versionId: 'k1' },
      codec: { value: `v1=${Buffer.alloc(32, 1).toString('base64')}`, versionId: 'x1' },
      'not-pem': { value: 'hello', versionId: 'n1' },
    });
  const resolve = (vars: Record<string, string>, secretStore: SecretStore = store()) =>
    resolveProfile({ env: sandbox.env({ ...base, ...vars }), useConfigFile: false, secretStore });
  const failure = (vars: Record<string, string>) =>
    resolve(vars).then(
      () => new Error('expected a refusal'),
      (error: Error) => error,
    );

  it('reads a certificate and key from JSON fields of one secret (one read), the CA, and shows each by secret id and version', async () => {
    const secretStore = store();
    const profile = await resolve(
      {
        TEMPORAL_TLS_CLIENT_CERT_SECRET: 'tls/client#cert',
        TEMPORAL_TLS_CLIENT_KEY_SECRET: 'tls/client#key',
        TEMPORAL_TLS_SERVER_CA_CERT_SECRET: 'tls/ca',
      },
      secretStore,
    );
    expect(profile.tls?.clientCert).toContain('BEGIN CERTIFICATE');
    expect(profile.tls?.clientKey).toContain('PRIVATE KEY');
    expect(profile.tls?.serverCaCert).toContain('BEGIN CERTIFICATE');
    expect(secretStore.reads).toBe(2);
    const shown = profile.entries.find((entry) => entry.variable === 'TEMPORAL_TLS_CLIENT_KEY_SECRET');
    expect(shown).toMatchObject({ value: 'Test Store secret tls/client#key (version v1)', secret: false });
    expect(JSON.stringify(profile.entries)).not.toContain('PRIVATE KEY');
  });

  it('reads the API key and the codec keys', async () => {
    const profile = await resolve({ TEMPORAL_API_KEY_SECRET: 'api-key', PAYLOAD_CODEC_KEYS_SECRET: 'codec' });
    expect(profile.apiKey).toBe('the-api-key');
    expect(profile.codec?.keyring.current.id).toBe('v1');
    const codec = profile.entries.find((entry) => entry.variable === 'PAYLOAD_CODEC_KEYS_SECRET');
    expect(codec?.value).toBe('keys v1 (current) from Test Store secret codec (version x1)');
    expect(JSON.stringify(profile.entries)).not.toContain('the-api-key');
  });

  it('refuses a JSON field the secret does not hold, naming the fields it does', async () => {
    const error = await failure({ TEMPORAL_TLS_SERVER_CA_CERT_SECRET: 'tls/client#ca' });
    expect(error.message).toContain(
      'TEMPORAL_TLS_SERVER_CA_CERT_SECRET (from process environment) names Test Store secret "tls/client" with the JSON field "ca", but it holds the fields "cert", "key".',
    );
    expect(error.message).toContain('Fix: name a field the secret holds');
  });

  it('refuses a field of a secret that is not JSON', async () => {
    const error = await failure({ TEMPORAL_TLS_SERVER_CA_CERT_SECRET: 'tls/ca#pem' });
    expect(error.message).toContain('with the JSON field "pem", but its value is not JSON.');
  });

  it('refuses a secret that holds no PEM of the expected kind', async () => {
    const error = await failure({ TEMPORAL_TLS_SERVER_CA_CERT_SECRET: 'not-pem' });
    expect(error).toMatchObject({ kind: 'secret-not-pem' });
    expect(error.message).toContain('names Test Store secret "not-pem", which should hold a PEM CERTIFICATE');
    expect(error.message).toContain('but it holds no PEM block');
  });

  it('refuses a credential given both as a secret and as a file, wherever each is set', async () => {
    const error = await failure({
      TEMPORAL_TLS_CLIENT_CERT_SECRET: 'tls/client#cert',
      TEMPORAL_TLS_CLIENT_CERT_PATH: 'a.pem',
    });
    expect(error).toMatchObject({ kind: 'secret-conflict' });
    expect(error.message).toContain('TEMPORAL_TLS_CLIENT_CERT_PATH (from process environment) are both set');
    expect(error.message).toContain('Fix: remove one of them');
  });

  it('refuses an API key secret of more than one word', async () => {
    const twoWords = new MapStore({ key: { value: 'two words', versionId: '1' } });
    const error = await resolve({ TEMPORAL_API_KEY_SECRET: 'key' }, twoWords).then(
      () => new Error('expected a refusal'),
      (thrown: Error) => thrown,
    );
    expect(error).toMatchObject({ kind: 'secret-value' });
    expect(error.message).not.toContain('two words');
  });

  it('has loadProfile, which reads no secrets, refuse a profile that names one', () => {
    expect(() =>
      loadProfile({ env: sandbox.env({ ...base, TEMPORAL_API_KEY_SECRET: 'api-key' }), useConfigFile: false }),
    ).toThrow(
      'TEMPORAL_API_KEY_SECRET (from process environment) names a secret, and this command reads its profile without secrets managers.',
    );
  });

  it('reports each secret that has a new version, once', async () => {
    const secretStore = store();
    const profile = await resolve(
      { TEMPORAL_TLS_SERVER_CA_CERT_SECRET: 'tls/ca', TEMPORAL_API_KEY_SECRET: 'api-key' },
      secretStore,
    );
    const changes: string[][] = [];
    const lines: string[] = [];
    const watch = watchSecretVersions(
      profile.secrets as ProfileSecrets,
      20,
      (changed) => changes.push(changed),
      (line) => lines.push(line),
    );
    try {
      secretStore.secrets['tls/ca'] = { value: caCertificatePem(), versionId: 'c2' };
      await new Promise((resolve) => setTimeout(resolve, 200));
      delete secretStore.secrets['api-key'];
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      watch.close();
    }
    expect(changes).toEqual([['Test Store secret "tls/ca"']]);
    expect(lines).toEqual(['✗ Could not check Test Store secret "api-key" for a new version: no api-key']);
  });
});
