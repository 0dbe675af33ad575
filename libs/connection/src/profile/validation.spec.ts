import { join } from 'node:path';
import { loadAppProfile } from './app-profile';
import {
  AddressPortError,
  AddressSchemeError,
  ConfigFileError,
  EnvDirNotFoundError,
  EnvFileNotFoundError,
  MissingSettingError,
  UnsupportedSettingError,
} from '../errors/profile-errors';
import { loadProfile } from './load-profile';
import { dotenv, Sandbox, thrownBy } from '../testing/sandbox';

describe('validation of address, namespace and task queue', () => {
  let sandbox: Sandbox;
  beforeEach(() => (sandbox = new Sandbox()));
  afterEach(() => sandbox.cleanup());

  const appWith = (vars: Record<string, string>) => sandbox.app('app', { '.env': dotenv(vars) });
  const loadError = (vars: Record<string, string>) => {
    const appDir = appWith(vars);
    return {
      envFile: join(appDir, '.env'),
      error: thrownBy(() => loadProfile({ envDir: appDir, env: sandbox.env() })),
    };
  };

  it('rejects a missing address with MissingSettingError naming where it looked and the fix', () => {
    const { envFile, error } = loadError({ TEMPORAL_NAMESPACE: 'samples' });

    expect(error).toBeInstanceOf(MissingSettingError);
    expect(error.message).toContain('TEMPORAL_ADDRESS is not set');
    expect(error.message).toContain(envFile);
    expect(error.message).toContain('Fix: add TEMPORAL_ADDRESS=localhost:7233');
  });

  it('rejects a missing namespace with MissingSettingError', () => {
    const { envFile, error } = loadError({ TEMPORAL_ADDRESS: 'localhost:7233' });

    expect(error).toBeInstanceOf(MissingSettingError);
    expect(error.message).toContain('TEMPORAL_NAMESPACE is not set');
    expect(error.message).toContain(envFile);
    expect(error.message).toContain('Fix: add TEMPORAL_NAMESPACE=default');
  });

  it('treats an empty address as missing', () => {
    const { error } = loadError({ TEMPORAL_ADDRESS: '', TEMPORAL_NAMESPACE: 'samples' });

    expect(error).toBeInstanceOf(MissingSettingError);
    expect(error.message).toContain('TEMPORAL_ADDRESS is not set');
  });

  it('rejects an env file that does not exist with EnvFileNotFoundError naming it, rather than reading nothing', () => {
    const envFile = join(appWith({ TEMPORAL_ADDRESS: 'localhost:7233' }), 'staging.env');
    const error = thrownBy(() => loadProfile({ envFile, env: sandbox.env() }));

    expect(error).toBeInstanceOf(EnvFileNotFoundError);
    expect(error.message).toContain(`The env file ${envFile} does not exist.`);
    expect(error.message).toContain('Fix: give the path of the env file itself');

    const folder = thrownBy(() => loadProfile({ envFile: join(envFile, '..'), env: sandbox.env() }));
    expect(folder).toBeInstanceOf(EnvFileNotFoundError);
    expect(folder.message).toContain('is a folder.');
  });

  it('rejects an app folder that does not exist with EnvDirNotFoundError naming it, rather than reading nothing', () => {
    const envDir = join(appWith({ TEMPORAL_ADDRESS: 'localhost:7233' }), '..', 'nope');
    const error = thrownBy(() => loadProfile({ envDir, env: sandbox.env() }));

    expect(error).toBeInstanceOf(EnvDirNotFoundError);
    expect(error.message).toContain(`The app folder ${envDir} does not exist`);
    expect(error.message).toContain("Fix: give the folder that holds the app's .env");
  });

  it.each(['True', 'yes', 'on'])(
    'rejects TEMPORAL_TLS=%s, which Temporal would read as off without a word, naming the values it reads',
    (value) => {
      const { error } = loadError({
        TEMPORAL_ADDRESS: 'localhost:7233',
        TEMPORAL_NAMESPACE: 'samples',
        TEMPORAL_TLS: value,
      });

      expect(error).toBeInstanceOf(UnsupportedSettingError);
      expect(error.message).toContain(`TEMPORAL_TLS (from `);
      expect(error.message).toContain(`is "${value}", which Temporal's configuration reads as off`);
      expect(error.message).toContain('Fix: set TEMPORAL_TLS=true or TEMPORAL_TLS=false.');
    },
  );

  it.each(['true', 'false', '1', '0'])('reads TEMPORAL_TLS=%s', (value) => {
    const appDir = appWith({ TEMPORAL_ADDRESS: 'localhost:7233', TEMPORAL_NAMESPACE: 'samples', TEMPORAL_TLS: value });
    expect(loadProfile({ envDir: appDir, env: sandbox.env() }).tls !== undefined).toBe(
      value === 'true' || value === '1',
    );
  });

  it('rejects a missing task queue when requireTaskQueue is set', () => {
    const appDir = appWith({ TEMPORAL_ADDRESS: 'localhost:7233', TEMPORAL_NAMESPACE: 'samples' });

    const error = thrownBy(() => loadProfile({ envDir: appDir, env: sandbox.env(), requireTaskQueue: true }));

    expect(error).toBeInstanceOf(MissingSettingError);
    expect(error.message).toContain('TEMPORAL_TASK_QUEUE is not set');
    expect(error.message).toContain(join(appDir, '.env'));
    expect(error.message).toContain('Fix: add TEMPORAL_TASK_QUEUE=my-task-queue');
  });

  it('rejects a missing task queue in loadAppProfile', async () => {
    const appDir = appWith({ TEMPORAL_ADDRESS: 'localhost:7233', TEMPORAL_NAMESPACE: 'samples' });

    const error = (await loadAppProfile(appDir, { env: sandbox.env() }).catch((thrown: Error) => thrown)) as Error;

    expect(error).toBeInstanceOf(MissingSettingError);
    expect(error.message).toContain('TEMPORAL_TASK_QUEUE is not set');
  });

  it('lets tools load a profile without a task queue', () => {
    const appDir = appWith({ TEMPORAL_ADDRESS: 'localhost:7233', TEMPORAL_NAMESPACE: 'samples' });

    expect(loadProfile({ envDir: appDir, env: sandbox.env() }).taskQueue).toBeUndefined();
  });

  it('lists each place it looked once, even when a variable there used an older name', () => {
    const { envFile, error } = loadError({ TEMPORAL_CLIENT_API_KEY: 'k', TEMPORAL_NAMESPACE: 'samples' });

    expect(error).toBeInstanceOf(MissingSettingError);
    expect(error.message).not.toContain('given as');
    expect(error.message.split(envFile)).toHaveLength(2);
  });

  it('rejects an address with a URL scheme, suggesting host:port', () => {
    const { envFile, error } = loadError({ TEMPORAL_ADDRESS: 'http://localhost:7233', TEMPORAL_NAMESPACE: 'samples' });

    expect(error).toBeInstanceOf(AddressSchemeError);
    expect(error.message).toContain(`TEMPORAL_ADDRESS (from ${envFile}) is "http://localhost:7233"`);
    expect(error.message).toContain('host:port');
    expect(error.message).toContain('Fix: set TEMPORAL_ADDRESS=localhost:7233');
  });

  it('suggests an address with a port for a URL that has none', () => {
    const { error } = loadError({ TEMPORAL_ADDRESS: 'https://my-ns.a1b2c.tmprl.cloud', TEMPORAL_NAMESPACE: 'samples' });

    expect(error).toBeInstanceOf(AddressSchemeError);
    expect(error.message).toContain('Fix: set TEMPORAL_ADDRESS=my-ns.a1b2c.tmprl.cloud:7233');
  });

  it.each([
    ['localhost', 'localhost:7233'],
    ['[::1]', '[::1]:7233'],
    ['temporal.example.com', 'temporal.example.com:7233'],
  ])('reads an address without a port (%s) as the SDK does: port 7233', (given, used) => {
    const appDir = appWith({ TEMPORAL_ADDRESS: given, TEMPORAL_NAMESPACE: 'samples' });
    expect(loadProfile({ envDir: appDir, env: sandbox.env() }).address).toBe(used);
  });

  it('rejects an address whose port is not a number with AddressPortError', () => {
    const { envFile, error } = loadError({ TEMPORAL_ADDRESS: 'localhost:abc', TEMPORAL_NAMESPACE: 'samples' });

    expect(error).toBeInstanceOf(AddressPortError);
    expect(error.message).toContain(`TEMPORAL_ADDRESS (from ${envFile}) is "localhost:abc", which has no valid port`);
    expect(error.message).toContain('Fix: give host:port, e.g. TEMPORAL_ADDRESS=localhost:7233');
  });

  it('trims a carriage return or spaces around a value, with a notice, instead of sending them to the server', () => {
    const appDir = appWith({ TEMPORAL_ADDRESS: 'localhost:7233' });
    const notices: string[] = [];
    const profile = loadProfile({
      envDir: appDir,
      env: { ...sandbox.env(), TEMPORAL_NAMESPACE: 'samples\r', TEMPORAL_TASK_QUEUE: ' greetings ' },
      onNotice: (notice) => notices.push(notice),
    });

    expect(profile.namespace).toBe('samples');
    expect(profile.taskQueue).toBe('greetings');
    expect(notices).toEqual([
      'TEMPORAL_NAMESPACE in process environment had a carriage return or line break around its value; it was trimmed.',
      'TEMPORAL_TASK_QUEUE in process environment had surrounding spaces around its value; it was trimmed.',
    ]);
  });

  it('rejects a port out of range with AddressPortError', () => {
    const { error } = loadError({ TEMPORAL_ADDRESS: 'localhost:72330', TEMPORAL_NAMESPACE: 'samples' });

    expect(error).toBeInstanceOf(AddressPortError);
    expect(error.message).toContain('TEMPORAL_ADDRESS=localhost:7233');
  });

  it('accepts a bracketed IPv6 address with a port', () => {
    const appDir = appWith({ TEMPORAL_ADDRESS: '[::1]:7233', TEMPORAL_NAMESPACE: 'samples' });

    expect(loadProfile({ envDir: appDir, env: sandbox.env() }).address).toBe('[::1]:7233');
  });

  it('suggests a bracketed IPv6 address with a port when the port is not a number', () => {
    const { error } = loadError({ TEMPORAL_ADDRESS: '[::1]:x', TEMPORAL_NAMESPACE: 'samples' });

    expect(error).toBeInstanceOf(AddressPortError);
    expect(error.message).toContain('Fix: give host:port, e.g. TEMPORAL_ADDRESS=[::1]:7233');
  });

  it('names the TOML profile when the bad address came from it', () => {
    const toml = sandbox.write(
      'temporal.toml',
      '[profile.default]\naddress = "localhost:70000"\nnamespace = "samples"\n',
    );

    const error = thrownBy(() => loadProfile({ env: sandbox.env({ TEMPORAL_CONFIG_FILE: toml }) }));

    expect(error).toBeInstanceOf(AddressPortError);
    expect(error.message).toContain(`address (from profile "default" in ${toml})`);
  });
});

describe('validation of the TOML config file', () => {
  let sandbox: Sandbox;
  beforeEach(() => (sandbox = new Sandbox()));
  afterEach(() => sandbox.cleanup());

  it('rejects TOML that does not parse with ConfigFileError naming the file', () => {
    const toml = sandbox.write('temporal.toml', '[profile.default\naddress = "localhost:7233"\n');

    const error = thrownBy(() => loadProfile({ env: sandbox.env({ TEMPORAL_CONFIG_FILE: toml }) }));

    expect(error).toBeInstanceOf(ConfigFileError);
    expect(error.message).toContain(`The Temporal config file ${toml} could not be used`);
    expect(error.message).toContain('Fix: fix the TOML file');
  });

  it('rejects a TEMPORAL_PROFILE the file does not have, naming the file and the profile', () => {
    const toml = sandbox.write('temporal.toml', '[profile.default]\naddress = "localhost:7233"\n');

    const error = thrownBy(() =>
      loadProfile({ env: sandbox.env({ TEMPORAL_CONFIG_FILE: toml, TEMPORAL_PROFILE: 'staging' }) }),
    );

    expect(error).toBeInstanceOf(ConfigFileError);
    expect(error.message).toContain(toml);
    expect(error.message).toContain('staging');
    expect(error.message).toContain('TEMPORAL_PROFILE');
  });
});
