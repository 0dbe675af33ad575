import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCodecServerSettings } from './settings';

describe('codec server settings', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'codec-server-'));
    writeFileSync(
      join(dir, '.env'),
      'CODEC_SERVER_NAMESPACES=samples, other\nCODEC_SERVER_ALLOWED_ORIGINS=http://localhost:8233\n',
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const key = `v1=${randomBytes(32).toString('base64')}`;

  it('reads namespaces, origins and keys, with loopback and 8888 as defaults', () => {
    const settings = loadCodecServerSettings(dir, { PAYLOAD_CODEC_KEYS: key });
    expect(settings).toMatchObject({
      host: '127.0.0.1',
      port: 8888,
      namespaces: ['samples', 'other'],
      allowedOrigins: ['http://localhost:8233'],
    });
    expect(settings.codecs.get('samples')?.keyring.current.id).toBe('v1');
    expect(settings.accessTokens).toBeUndefined();
  });

  it('gives a namespace its own keys from PAYLOAD_CODEC_KEYS_<NAMESPACE>, the others the shared ones', () => {
    const own = `n1=${randomBytes(32).toString('base64')}`;
    const settings = loadCodecServerSettings(dir, {
      PAYLOAD_CODEC_KEYS: key,
      PAYLOAD_CODEC_KEYS_OTHER: own,
      CODEC_SERVER_NAMESPACES: 'samples,other,sample.local01',
    });
    expect(settings.codecs.get('samples')?.keyring.current.id).toBe('v1');
    expect(settings.codecs.get('other')?.keyring.current.id).toBe('n1');
    expect(settings.codecs.get('sample.local01')?.keyring.current.id).toBe('v1');
  });

  it("names a namespace's own key variable when its key is wrong", () => {
    expect(() =>
      loadCodecServerSettings(dir, { PAYLOAD_CODEC_KEYS: key, PAYLOAD_CODEC_KEYS_OTHER: 'n1=c2hvcnQ=' }),
    ).toThrow(
      /PAYLOAD_CODEC_KEYS \(from process environment, given as PAYLOAD_CODEC_KEYS_OTHER\).*Key "n1" is 5 bytes/s,
    );
  });

  it('reads the access-token check and refuses a JWKS URL without issuer and audience', () => {
    const jwt = {
      PAYLOAD_CODEC_KEYS: key,
      CODEC_SERVER_JWKS_URL: 'https://login.example.com/.well-known/jwks.json',
      CODEC_SERVER_JWT_ISSUER: 'https://login.example.com/',
      CODEC_SERVER_JWT_AUDIENCE: 'temporal-ui',
    };
    expect(loadCodecServerSettings(dir, jwt).accessTokens).toEqual({
      jwksUrl: jwt.CODEC_SERVER_JWKS_URL,
      issuer: jwt.CODEC_SERVER_JWT_ISSUER,
      audience: 'temporal-ui',
      permissionsClaim: 'permissions',
    });
    expect(() => loadCodecServerSettings(dir, { ...jwt, CODEC_SERVER_JWT_AUDIENCE: '' })).toThrow(
      /CODEC_SERVER_JWKS_URL is set, but CODEC_SERVER_JWT_AUDIENCE is not/,
    );
    expect(() => loadCodecServerSettings(dir, { ...jwt, CODEC_SERVER_JWKS_URL: 'login.example.com' })).toThrow(
      /CODEC_SERVER_JWKS_URL \(from process environment\) is "login.example.com", not an http\(s\) URL/,
    );
    expect(() =>
      loadCodecServerSettings(dir, { PAYLOAD_CODEC_KEYS: key, CODEC_SERVER_JWT_ISSUER: 'https://x/' }),
    ).toThrow(/CODEC_SERVER_JWT_ISSUER \(from process environment\) is set, but CODEC_SERVER_JWKS_URL is not/);
  });

  it('refuses to start without keys, saying where it looked and that they go in .env.local', () => {
    expect(() => loadCodecServerSettings(dir, {})).toThrow(
      /PAYLOAD_CODEC_KEYS is not set; looked in process environment, .*\.env\.[\s\S]*to the app's \.env\.local/,
    );
  });

  it('refuses a port that is not a number', () => {
    expect(() => loadCodecServerSettings(dir, { PAYLOAD_CODEC_KEYS: key, CODEC_SERVER_PORT: 'http' })).toThrow(
      /CODEC_SERVER_PORT \(from process environment\) is "http", not a whole number/,
    );
  });

  it('refuses half a TLS configuration', () => {
    expect(() =>
      loadCodecServerSettings(dir, { PAYLOAD_CODEC_KEYS: key, CODEC_SERVER_TLS_CERT_PATH: '/x.pem' }),
    ).toThrow(/Only one of CODEC_SERVER_TLS_CERT_PATH and CODEC_SERVER_TLS_KEY_PATH is set/);
  });
});
