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
    expect(settings.codec.keyring.current.id).toBe('v1');
  });

  it('refuses to start without keys, saying where it looked', () => {
    expect(() => loadCodecServerSettings(dir, {})).toThrow(
      /PAYLOAD_CODEC_KEYS is not set; looked in process environment, .*\.env/,
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
