import { NotPemError } from '../errors/profile-errors';
import { loadProfile } from './load-profile';
import { parsePemBlocks } from './pem';
import { caCertificatePem, certificatePem, mangled, pemBody, privateKeyPem } from '../testing/pem-fixtures';
import { dotenv, Sandbox, thrownBy } from '../testing/sandbox';

const BASE = { TEMPORAL_ADDRESS: 'my-ns.a1b2c.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'my-ns.a1b2c' };

describe('parsePemBlocks', () => {
  it('returns a canonical block unchanged', () => {
    const cert = certificatePem();

    expect(parsePemBlocks(cert)).toEqual([{ label: 'CERTIFICATE', pem: cert }]);
  });

  it('keeps every block of a certificate chain, in order', () => {
    const [leaf, intermediate] = [certificatePem(), caCertificatePem()];
    expect(leaf).not.toBe(intermediate);

    expect(parsePemBlocks(leaf + intermediate).map((block) => block.pem)).toEqual([leaf, intermediate]);
    expect(parsePemBlocks(intermediate + leaf).map((block) => block.pem)).toEqual([intermediate, leaf]);
  });

  it('finds no block in text without PEM armour', () => {
    expect(parsePemBlocks('MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA')).toEqual([]);
  });
});

describe('inline PEM in TEMPORAL_TLS_CLIENT_CERT_DATA / _KEY_DATA', () => {
  let sandbox: Sandbox;
  let cert: string;
  let key: string;
  beforeEach(() => {
    sandbox = new Sandbox();
    cert = certificatePem();
    key = privateKeyPem();
  });
  afterEach(() => sandbox.cleanup());

  const loadInline = (certData: string, keyData: string) =>
    loadProfile({
      env: sandbox.env({ ...BASE, TEMPORAL_TLS_CLIENT_CERT_DATA: certData, TEMPORAL_TLS_CLIENT_KEY_DATA: keyData }),
    });

  it('accepts canonical PEM as is', () => {
    const profile = loadInline(cert, key);

    expect(profile.tls?.clientCert).toBe(cert);
    expect(profile.tls?.clientKey).toBe(key);
  });

  it('turns literal \\n escapes into line breaks', () => {
    const profile = loadInline(mangled.escapedNewlines(cert), mangled.escapedNewlines(key));

    expect(profile.tls?.clientCert).toBe(cert);
    expect(profile.tls?.clientKey).toBe(key);
  });

  it('accepts CRLF line ends', () => {
    const profile = loadInline(mangled.crlf(cert), mangled.crlf(key));

    expect(profile.tls?.clientCert).toBe(cert);
    expect(profile.tls?.clientKey).toBe(key);
  });

  it('accepts indented lines', () => {
    const profile = loadInline(mangled.indented(cert), mangled.indented(key));

    expect(profile.tls?.clientCert).toBe(cert);
    expect(profile.tls?.clientKey).toBe(key);
  });

  it('accepts a block folded onto one line with spaces', () => {
    const profile = loadInline(mangled.foldedOntoOneLine(cert), mangled.foldedOntoOneLine(key));

    expect(profile.tls?.clientCert).toBe(cert);
    expect(profile.tls?.clientKey).toBe(key);
  });

  it('accepts escaped \\r\\n line ends', () => {
    const escapedCrlf = (pem: string) => pem.replace(/\n/g, '\\r\\n');

    const profile = loadInline(escapedCrlf(cert), escapedCrlf(key));

    expect(profile.tls?.clientCert).toBe(cert);
  });

  it("accepts a double-quoted multi-line value in an app's .env", () => {
    const appDir = sandbox.app('app', {
      '.env': dotenv({ ...BASE, TEMPORAL_TLS_CLIENT_CERT_DATA: `"${cert}"`, TEMPORAL_TLS_CLIENT_KEY_DATA: `"${key}"` }),
    });

    const profile = loadProfile({ envDir: appDir, env: sandbox.env() });

    expect(profile.tls?.clientCert).toBe(cert);
    expect(profile.tls?.clientKey).toBe(key);
  });

  it("accepts a single-line value with \\n escapes in an app's .env", () => {
    const appDir = sandbox.app('app', {
      '.env': dotenv({
        ...BASE,
        TEMPORAL_TLS_CLIENT_CERT_DATA: `'${mangled.escapedNewlines(cert)}'`,
        TEMPORAL_TLS_CLIENT_KEY_DATA: `'${mangled.escapedNewlines(key)}'`,
      }),
    });

    const profile = loadProfile({ envDir: appDir, env: sandbox.env() });

    expect(profile.tls?.clientCert).toBe(cert);
    expect(profile.tls?.clientKey).toBe(key);
  });

  it('reports inline data as "inline PEM" with its source', () => {
    const profile = loadInline(cert, key);

    expect(profile.entries).toContainEqual(
      expect.objectContaining({
        variable: 'TEMPORAL_TLS_CLIENT_CERT_DATA',
        value: 'inline PEM',
        source: 'process environment',
      }),
    );
  });

  it('rejects truncated key data with NotPemError that names the accepted forms and does not echo the data', () => {
    const truncated = key.slice(0, key.indexOf('-----END'));

    const error = thrownBy(() => loadInline(cert, truncated));

    expect(error).toBeInstanceOf(NotPemError);
    expect(error.message).toContain(
      'TEMPORAL_TLS_CLIENT_KEY_DATA (from process environment) should hold a PEM PRIVATE KEY',
    );
    expect(error.message).toContain('escaped "\\n", CRLF and indentation are accepted');
    expect(error.message).not.toContain(pemBody(key).slice(0, 24));
  });
});
