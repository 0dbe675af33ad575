import { randomBytes } from 'node:crypto';
import { CodecKeyError } from './errors';
import { createKeyring, parseKeyList } from './keyring';

const b64 = (bytes = 32) => randomBytes(bytes).toString('base64');

describe('keyring', () => {
  it('reads id=key pairs; the first is current', () => {
    const ring = createKeyring(parseKeyList(`v2=${b64()}, v1=${b64()}`));
    expect(ring.current.id).toBe('v2');
    expect([...ring.byId.keys()]).toEqual(['v2', 'v1']);
  });

  it('refuses a key that is not 32 bytes, saying how to make one', () => {
    expect(() => createKeyring(parseKeyList(`v1=${b64(16)}`))).toThrow(
      /Key "v1" is 16 bytes; AES-256 needs exactly 32[\s\S]*randomBytes\(32\)/,
    );
  });

  it('refuses an entry without an id, without echoing it', () => {
    const raw = b64();
    const attempt = () => parseKeyList(raw.replace(/=/g, ''));
    expect(attempt).toThrow(CodecKeyError);
    expect(attempt).toThrow(/Key entry 1 is not <id>=<base64 key>/);
    expect.assertions(3);
    try {
      attempt();
    } catch (error) {
      expect(String(error)).not.toContain(raw.slice(0, 8));
    }
  });

  it('refuses duplicate ids and an empty list', () => {
    const key = b64();
    expect(() => createKeyring(parseKeyList(`v1=${key},v1=${key}`))).toThrow(/given twice/);
    expect(() => createKeyring([])).toThrow(/No encryption key is configured/);
  });
});
