import { randomBytes } from 'node:crypto';
import { createKeyring } from '@temporal-samples/codec';
import { codecStartLine } from './codec-start-line';

describe('codecStartLine', () => {
  it('names the cipher, the key that encrypts (never its bytes) and the sealer the codec uses here', () => {
    const key = randomBytes(32);
    const keyring = createKeyring([
      { id: 'v2', key },
      { id: 'v1', key: randomBytes(32) },
    ]);
    const line = codecStartLine({ keyring, origin: { variable: 'PAYLOAD_CODEC_KEYS', source: 'environment' } });
    expect(line).toBe(
      `Payloads encrypted at rest with AES-256-GCM under key "v2", sealed with OpenSSL through the codec's native addon.`,
    );
    expect(line).not.toContain(key.toString('base64'));
  });
});
