import { join } from 'node:path';
import { loadAppProfile } from './app-profile';
import { loadProfile } from './load-profile';
import { entryFor } from '../testing/entries';
import { dotenv, Sandbox } from '../testing/sandbox';

const STAGING_TOML = `
[profile.default]
address = "default.example.com:7233"
namespace = "from-default-profile"

[profile.staging]
address = "staging.example.com:7233"
namespace = "from-staging-profile"
`;

describe('loadProfile precedence', () => {
  let sandbox: Sandbox;
  let toml: string;
  beforeEach(() => {
    sandbox = new Sandbox();
    toml = sandbox.write('config/temporal.toml', STAGING_TOML);
  });
  afterEach(() => sandbox.cleanup());

  const appWith = (files: Record<string, Record<string, string>>) =>
    sandbox.app('app', Object.fromEntries(Object.entries(files).map(([file, vars]) => [file, dotenv(vars)])));

  it("reads the app's .env and names it as the source", () => {
    const appDir = appWith({ '.env': { TEMPORAL_ADDRESS: 'localhost:7233', TEMPORAL_NAMESPACE: 'samples' } });

    const profile = loadProfile({ envDir: appDir, env: sandbox.env() });

    expect(profile.address).toBe('localhost:7233');
    expect(profile.namespace).toBe('samples');
    expect(entryFor(profile, 'TEMPORAL_ADDRESS').source).toBe(join(appDir, '.env'));
  });

  it('takes the process environment over .env.local', () => {
    const appDir = appWith({
      '.env': { TEMPORAL_ADDRESS: 'localhost:7233', TEMPORAL_NAMESPACE: 'from-env' },
      '.env.local': { TEMPORAL_NAMESPACE: 'from-env-local' },
    });

    const profile = loadProfile({ envDir: appDir, env: sandbox.env({ TEMPORAL_NAMESPACE: 'from-process' }) });

    expect(profile.namespace).toBe('from-process');
    expect(entryFor(profile, 'TEMPORAL_NAMESPACE').source).toBe('process environment');
  });

  it('takes .env.local over .env', () => {
    const appDir = appWith({
      '.env': { TEMPORAL_ADDRESS: 'localhost:7233', TEMPORAL_NAMESPACE: 'from-env' },
      '.env.local': { TEMPORAL_NAMESPACE: 'from-env-local' },
    });

    const profile = loadProfile({ envDir: appDir, env: sandbox.env() });

    expect(profile.namespace).toBe('from-env-local');
    expect(entryFor(profile, 'TEMPORAL_NAMESPACE').source).toBe(join(appDir, '.env.local'));
    expect(entryFor(profile, 'TEMPORAL_ADDRESS').source).toBe(join(appDir, '.env'));
  });

  it('takes .env over the TOML profile', () => {
    const appDir = appWith({ '.env': { TEMPORAL_NAMESPACE: 'from-env' } });

    const profile = loadProfile({
      envDir: appDir,
      env: sandbox.env({ TEMPORAL_CONFIG_FILE: toml, TEMPORAL_PROFILE: 'staging' }),
    });

    expect(profile.namespace).toBe('from-env');
    expect(entryFor(profile, 'TEMPORAL_NAMESPACE').source).toBe(join(appDir, '.env'));
  });

  it('fills unset values from the TOML profile chosen by TEMPORAL_PROFILE, naming profile and file', () => {
    const appDir = appWith({ '.env': { TEMPORAL_NAMESPACE: 'from-env' } });

    const profile = loadProfile({
      envDir: appDir,
      env: sandbox.env({ TEMPORAL_CONFIG_FILE: toml, TEMPORAL_PROFILE: 'staging' }),
    });

    expect(profile.address).toBe('staging.example.com:7233');
    expect(entryFor(profile, 'address').source).toBe(`profile "staging" in ${toml}`);
  });

  it('uses the "default" TOML profile when TEMPORAL_PROFILE is not set', () => {
    const profile = loadProfile({ env: sandbox.env({ TEMPORAL_CONFIG_FILE: toml }) });

    expect(profile.namespace).toBe('from-default-profile');
    expect(entryFor(profile, 'namespace').source).toBe(`profile "default" in ${toml}`);
  });

  it("takes TEMPORAL_CONFIG_FILE and TEMPORAL_PROFILE from the app's .env", () => {
    const appDir = appWith({ '.env': { TEMPORAL_CONFIG_FILE: toml, TEMPORAL_PROFILE: 'staging' } });

    const profile = loadProfile({ envDir: appDir, env: sandbox.env() });

    expect(profile.address).toBe('staging.example.com:7233');
  });

  it('reads temporal.toml under XDG_CONFIG_HOME when TEMPORAL_CONFIG_FILE is not set', () => {
    const userToml = sandbox.write('home/.config/temporalio/temporal.toml', STAGING_TOML);

    const profile = loadProfile({ env: sandbox.env() });

    expect(profile.address).toBe('default.example.com:7233');
    expect(entryFor(profile, 'address').source).toBe(`profile "default" in ${userToml}`);
  });

  it('names the file envconfig reads when XDG_CONFIG_HOME is set but empty', () => {
    const userToml = sandbox.write('home/.config/temporalio/temporal.toml', STAGING_TOML);

    const profile = loadProfile({ env: sandbox.env({ XDG_CONFIG_HOME: '' }) });

    expect(profile.address).toBe('default.example.com:7233');
    expect(entryFor(profile, 'address').source).toBe(`profile "default" in ${userToml}`);
  });

  it('ignores the TOML file when useConfigFile is false', () => {
    const appDir = appWith({ '.env': { TEMPORAL_NAMESPACE: 'from-env' } });

    expect(() =>
      loadProfile({ envDir: appDir, env: sandbox.env({ TEMPORAL_CONFIG_FILE: toml }), useConfigFile: false }),
    ).toThrow(/TEMPORAL_ADDRESS is not set/);
  });
});

describe('loadProfile isolation', () => {
  let sandbox: Sandbox;
  beforeEach(() => (sandbox = new Sandbox()));
  afterEach(() => sandbox.cleanup());

  it('parses .env files without writing them into process.env', () => {
    const before = { ...process.env };
    const appDir = sandbox.app('app', {
      '.env': dotenv({ TEMPORAL_ADDRESS: 'localhost:7233', TEMPORAL_NAMESPACE: 'samples', SPEC_ONLY_VAR: 'x' }),
      '.env.local': dotenv({ TEMPORAL_TASK_QUEUE: 'greetings' }),
    });

    loadProfile({ envDir: appDir, env: sandbox.env() });

    expect(process.env).toEqual(before);
  });

  it("keeps one app's .env out of another app's profile", () => {
    const first = sandbox.app('first', { '.env': dotenv({ TEMPORAL_ADDRESS: 'a:7233', TEMPORAL_NAMESPACE: 'first' }) });
    const second = sandbox.app('second', { '.env': dotenv({ TEMPORAL_ADDRESS: 'b:7233' }) });

    loadProfile({ envDir: first, env: sandbox.env() });

    expect(() => loadProfile({ envDir: second, env: sandbox.env() })).toThrow(/TEMPORAL_NAMESPACE is not set/);
  });

  it('reads the env option as the process environment instead of process.env', () => {
    const appDir = sandbox.app('app', {
      '.env': dotenv({ TEMPORAL_ADDRESS: 'localhost:7233', TEMPORAL_NAMESPACE: 'from-env' }),
    });
    const before = process.env.TEMPORAL_NAMESPACE;
    process.env.TEMPORAL_NAMESPACE = 'from-real-process-env';
    try {
      expect(loadProfile({ envDir: appDir, env: sandbox.env() }).namespace).toBe('from-env');
    } finally {
      if (before === undefined) delete process.env.TEMPORAL_NAMESPACE;
      else process.env.TEMPORAL_NAMESPACE = before;
    }
  });
});

describe('task queue and gRPC metadata', () => {
  let sandbox: Sandbox;
  beforeEach(() => (sandbox = new Sandbox()));
  afterEach(() => sandbox.cleanup());

  const base = { TEMPORAL_ADDRESS: 'localhost:7233', TEMPORAL_NAMESPACE: 'samples' };

  it("gives loadAppProfile the app's task queue with its source", async () => {
    const appDir = sandbox.app('app', { '.env': dotenv({ ...base, TEMPORAL_TASK_QUEUE: 'greetings' }) });

    const profile = await loadAppProfile(appDir, { env: sandbox.env() });

    expect(profile.taskQueue).toBe('greetings');
    expect(entryFor(profile, 'TEMPORAL_TASK_QUEUE').source).toBe(join(appDir, '.env'));
  });

  it('reports an optional task queue when one is set', () => {
    const profile = loadProfile({ env: sandbox.env({ ...base, TEMPORAL_TASK_QUEUE: 'greetings' }) });

    expect(profile.taskQueue).toBe('greetings');
    expect(entryFor(profile, 'TEMPORAL_TASK_QUEUE').source).toBe('process environment');
  });

  it('puts TEMPORAL_GRPC_META_* into profile.grpcMeta as lower-case headers', () => {
    const profile = loadProfile({ env: sandbox.env({ ...base, TEMPORAL_GRPC_META_X_TENANT: 'acme' }) });

    expect(profile.grpcMeta).toEqual({ 'x-tenant': 'acme' });
    expect(entryFor(profile, 'TEMPORAL_GRPC_META_X_TENANT')).toMatchObject({
      value: 'acme',
      source: 'process environment',
    });
  });

  it('turns every underscore of a TEMPORAL_GRPC_META_* name into a dash', () => {
    const profile = loadProfile({ env: sandbox.env({ ...base, TEMPORAL_GRPC_META_X_ACME_TENANT_ID: 'acme' }) });

    expect(profile.grpcMeta).toEqual({ 'x-acme-tenant-id': 'acme' });
  });
});
