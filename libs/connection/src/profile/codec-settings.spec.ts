import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodecSettingError, UnreadableFileError } from '../errors/profile-errors';
import { loadProfile } from './load-profile';

const key = () => randomBytes(32).toString('base64');

describe('payload codec settings in the profile', () => {
  let appDir: string;
  beforeEach(() => {
    appDir = mkdtempSync(join(tmpdir(), 'codec-profile-'));
    writeFileSync(join(appDir, '.env'), 'TEMPORAL_ADDRESS=localhost:7233\nTEMPORAL_NAMESPACE=samples\n');
  });
  afterEach(() => rmSync(appDir, { recursive: true, force: true }));

  const load = (env: Record<string, string>) =>
    loadProfile({ envDir: appDir, env: { HOME: appDir, ...env }, useConfigFile: false });

  it('is off without keys', () => {
    expect(load({}).codec).toBeUndefined();
  });

  it('reads keys from PAYLOAD_CODEC_KEYS, the first one current, and lists ids but never keys', () => {
    const [k2, k1] = [key(), key()];
    const profile = load({ PAYLOAD_CODEC_KEYS: `v2=${k2},v1=${k1}` });
    expect(profile.codec?.keyring.current.id).toBe('v2');
    const entry = profile.entries.find((candidate) => candidate.variable === 'PAYLOAD_CODEC_KEYS');
    expect(entry?.value).toBe('keys v2 (current), v1');
    expect(JSON.stringify(profile.entries)).not.toContain(k2);
  });

  it('reads a key file named relative to the app folder, one id=key per line', () => {
    writeFileSync(join(appDir, 'codec.keys'), `v3=${key()}\nv2=${key()}\n`);
    writeFileSync(join(appDir, '.env.local'), 'PAYLOAD_CODEC_KEY_FILE=codec.keys\n');
    expect([...(load({}).codec?.keyring.byId.keys() ?? [])]).toEqual(['v3', 'v2']);
  });

  it('names a key file it cannot read', () => {
    expect(() => load({ PAYLOAD_CODEC_KEY_FILE: '/nowhere/codec.keys' })).toThrow(UnreadableFileError);
  });

  it('refuses a bad key with the variable and where it came from', () => {
    const attempt = () => load({ PAYLOAD_CODEC_KEYS: 'v1=c2hvcnQ=' });
    expect(attempt).toThrow(CodecSettingError);
    expect(attempt).toThrow(
      /PAYLOAD_CODEC_KEYS \(from process environment\): Key "v1" is 5 bytes; AES-256 needs exactly 32/,
    );
  });

  it('refuses a compression threshold that is not a size', () => {
    expect(() => load({ PAYLOAD_CODEC_KEYS: `v1=${key()}`, PAYLOAD_CODEC_COMPRESS_ABOVE: 'big' })).toThrow(
      /"big" is not a size in bytes/,
    );
  });
});
