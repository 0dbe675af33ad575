import { join, relative, resolve } from 'node:path';
import { IncompleteCertPairError, NotPemError, UnreadableFileError } from '../errors/profile-errors';
import { loadProfile } from './load-profile';
import { certificatePem, pemBody, privateKeyPem } from '../testing/pem-fixtures';
import { dotenv, Sandbox, thrownBy } from '../testing/sandbox';

const BASE = { TEMPORAL_ADDRESS: 'my-ns.a1b2c.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'my-ns.a1b2c' };

describe('client certificate and key files', () => {
  let sandbox: Sandbox;
  let cert: string;
  let key: string;
  beforeEach(() => {
    sandbox = new Sandbox();
    cert = certificatePem();
    key = privateKeyPem();
  });
  afterEach(() => sandbox.cleanup());

  const appWith = (vars: Record<string, string>, files: Record<string, string> = {}) =>
    sandbox.app('app', { ...files, '.env': dotenv({ ...BASE, ...vars }) });
  const loadApp = (appDir: string) => loadProfile({ envDir: appDir, env: sandbox.env() });

  /** Cert and key paths relative to the working directory, which do not resolve from the (deeply nested) app folder. */
  const cwdRelativePair = () => {
    const certFile = sandbox.write('elsewhere/client.pem', cert);
    const certPath = relative(process.cwd(), certFile);
    const keyPath = relative(process.cwd(), sandbox.write('elsewhere/client.key', key));
    const appDir = sandbox.app('a/b/c/d/e/f/g/app', { '.env': dotenv(BASE) });
    expect(resolve(appDir, certPath)).not.toBe(certFile);
    return { certPath, keyPath, appDir };
  };

  it("reads relative cert paths in an app's .env from the app folder", () => {
    const appDir = appWith(
      { TEMPORAL_TLS_CLIENT_CERT_PATH: 'certs/client.pem', TEMPORAL_TLS_CLIENT_KEY_PATH: 'certs/client.key' },
      { 'certs/client.pem': cert, 'certs/client.key': key },
    );

    const profile = loadApp(appDir);

    expect(profile.tls?.clientCert).toBe(cert);
    expect(profile.tls?.clientKey).toBe(key);
  });

  it('reads relative cert paths in the process environment from the working directory', () => {
    const { certPath, keyPath, appDir } = cwdRelativePair();

    const env = sandbox.env({ TEMPORAL_TLS_CLIENT_CERT_PATH: certPath, TEMPORAL_TLS_CLIENT_KEY_PATH: keyPath });
    const profile = loadProfile({ envDir: appDir, env });

    expect(profile.tls?.clientCert).toBe(cert);
  });

  it('reads relative cert paths given under an older name in the process environment from the working directory', () => {
    const { certPath, keyPath, appDir } = cwdRelativePair();

    const env = sandbox.env({ TEMPORAL_CLIENT_CERT_PATH: certPath, TEMPORAL_CLIENT_KEY_PATH: keyPath });
    const profile = loadProfile({ envDir: appDir, env, onNotice: () => undefined });

    expect(profile.tls?.clientCert).toBe(cert);
  });

  it('rejects a cert without a key with IncompleteCertPairError', () => {
    const appDir = appWith({ TEMPORAL_TLS_CLIENT_CERT_PATH: 'client.pem' }, { 'client.pem': cert });

    const error = thrownBy(() => loadApp(appDir));

    expect(error).toBeInstanceOf(IncompleteCertPairError);
    expect(error.message).toContain(
      `TEMPORAL_TLS_CLIENT_CERT_PATH (from ${join(appDir, '.env')}) is set but TEMPORAL_TLS_CLIENT_KEY_PATH is not`,
    );
    expect(error.message).toContain('Fix: set TEMPORAL_TLS_CLIENT_KEY_PATH');
  });

  it('rejects a key without a cert with IncompleteCertPairError', () => {
    const appDir = appWith({ TEMPORAL_TLS_CLIENT_KEY_PATH: 'client.key' }, { 'client.key': key });

    const error = thrownBy(() => loadApp(appDir));

    expect(error).toBeInstanceOf(IncompleteCertPairError);
    expect(error.message).toContain(
      `TEMPORAL_TLS_CLIENT_KEY_PATH (from ${join(appDir, '.env')}) is set but TEMPORAL_TLS_CLIENT_CERT_PATH is not`,
    );
    expect(error.message).toContain('Fix: set TEMPORAL_TLS_CLIENT_CERT_PATH');
  });

  it('rejects a path that does not exist with UnreadableFileError naming the resolved path', () => {
    const appDir = appWith(
      { TEMPORAL_TLS_CLIENT_CERT_PATH: 'missing.pem', TEMPORAL_TLS_CLIENT_KEY_PATH: 'client.key' },
      {
        'client.key': key,
      },
    );

    const error = thrownBy(() => loadApp(appDir));

    expect(error).toBeInstanceOf(UnreadableFileError);
    expect(error.message).toContain(
      `TEMPORAL_TLS_CLIENT_CERT_PATH (from ${join(appDir, '.env')}) points at ${join(appDir, 'missing.pem')}`,
    );
    expect(error.message).toContain('no such file');
    expect(error.message).toContain('Fix: check the path');
  });

  it('rejects a file that holds no PEM block with NotPemError', () => {
    const appDir = appWith(
      { TEMPORAL_TLS_CLIENT_CERT_PATH: 'client.pem', TEMPORAL_TLS_CLIENT_KEY_PATH: 'client.key' },
      { 'client.pem': 'not a certificate\n', 'client.key': key },
    );

    const error = thrownBy(() => loadApp(appDir));

    expect(error).toBeInstanceOf(NotPemError);
    expect(error.message).toContain(`TEMPORAL_TLS_CLIENT_CERT_PATH (from ${join(appDir, '.env')})`);
    expect(error.message).toContain('should hold a PEM CERTIFICATE');
    expect(error.message).toContain('holds no PEM block');
    expect(error.message).toContain('Fix: point it at the right file');
  });

  it('rejects an empty file with NotPemError saying it is empty', () => {
    const appDir = appWith(
      { TEMPORAL_TLS_CLIENT_CERT_PATH: 'client.pem', TEMPORAL_TLS_CLIENT_KEY_PATH: 'client.key' },
      { 'client.pem': '', 'client.key': key },
    );

    const error = thrownBy(() => loadApp(appDir));

    expect(error).toBeInstanceOf(NotPemError);
    expect(error.message).toContain('client.pem is empty');
  });

  it('names the file it read when a _PATH setting holds no PEM', () => {
    const appDir = appWith(
      { TEMPORAL_TLS_CLIENT_CERT_PATH: 'client.pem', TEMPORAL_TLS_CLIENT_KEY_PATH: 'client.key' },
      { 'client.pem': 'not a certificate\n', 'client.key': key },
    );

    const error = thrownBy(() => loadApp(appDir));

    expect(error).toBeInstanceOf(NotPemError);
    expect(error.message).toContain('client.pem');
  });

  it('rejects a key file given as the cert, saying it holds a PRIVATE KEY without printing it', () => {
    const appDir = appWith(
      { TEMPORAL_TLS_CLIENT_CERT_PATH: 'client.key', TEMPORAL_TLS_CLIENT_KEY_PATH: 'client.key' },
      { 'client.key': key },
    );

    const error = thrownBy(() => loadApp(appDir));

    expect(error).toBeInstanceOf(NotPemError);
    expect(error.message).toContain('should hold a PEM CERTIFICATE');
    expect(error.message).toContain('client.key holds a PRIVATE KEY');
    expect(error.message).not.toContain(pemBody(key).slice(0, 24));
  });

  it('rejects inline key data given as the cert without printing it', () => {
    const appDir = appWith({ TEMPORAL_TLS_CLIENT_KEY_PATH: 'client.key' }, { 'client.key': key });
    const env = sandbox.env({ TEMPORAL_TLS_CLIENT_CERT_DATA: key });

    const error = thrownBy(() => loadProfile({ envDir: appDir, env }));

    expect(error).toBeInstanceOf(NotPemError);
    expect(error.message).toContain('TEMPORAL_TLS_CLIENT_CERT_DATA (from process environment)');
    expect(error.message).toContain('but it holds a PRIVATE KEY');
    for (const line of pemBody(key).match(/.{1,16}/g) ?? []) expect(error.message).not.toContain(line);
  });

  it('rejects a cert file given as the key with NotPemError', () => {
    const appDir = appWith(
      { TEMPORAL_TLS_CLIENT_CERT_PATH: 'client.pem', TEMPORAL_TLS_CLIENT_KEY_PATH: 'client.pem' },
      { 'client.pem': cert },
    );

    const error = thrownBy(() => loadApp(appDir));

    expect(error).toBeInstanceOf(NotPemError);
    expect(error.message).toContain('TEMPORAL_TLS_CLIENT_KEY_PATH');
    expect(error.message).toContain('should hold a PEM PRIVATE KEY');
    expect(error.message).toContain('client.pem holds a CERTIFICATE');
  });

  it('rejects a server CA file that holds no PEM with NotPemError', () => {
    const appDir = appWith({ TEMPORAL_TLS_SERVER_CA_CERT_PATH: 'ca.pem' }, { 'ca.pem': 'garbage' });

    const error = thrownBy(() => loadApp(appDir));

    expect(error).toBeInstanceOf(NotPemError);
    expect(error.message).toContain(`TEMPORAL_TLS_SERVER_CA_CERT_PATH (from ${join(appDir, '.env')})`);
  });

  it("lets the process environment's _DATA override a _PATH in the app's .env", () => {
    const appDir = appWith(
      { TEMPORAL_TLS_CLIENT_CERT_PATH: 'client.pem', TEMPORAL_TLS_CLIENT_KEY_PATH: 'client.key' },
      { 'client.pem': certificatePem(), 'client.key': key },
    );

    const profile = loadProfile({ envDir: appDir, env: sandbox.env({ TEMPORAL_TLS_CLIENT_CERT_DATA: cert }) });

    expect(profile.tls?.clientCert).toBe(cert);
  });
});
