import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { AesGcmCodec, ENCODING } from './aes-gcm-codec';
import { MalformedPayloadError, TamperedPayloadError, UnknownKeyIdError } from './errors';
import { createKeyring, type CodecKey } from './keyring';

const key = (id: string): CodecKey => ({ id, key: randomBytes(32) });
const payloadOf = (value: unknown) => defaultPayloadConverter.toPayload(value) as Payload;
const valueOf = (payload: Payload) => defaultPayloadConverter.fromPayload(payload);
const meta = (payload: Payload, name: string) => Buffer.from(payload.metadata?.[name] ?? []).toString();

describe('AesGcmCodec', () => {
  const v1 = key('v1');
  const codec = new AesGcmCodec(createKeyring([v1]));

  it('round-trips values, and the encoded payload holds no plaintext', async () => {
    const secret = { card: '4111-1111-1111-1111', name: 'Ada Lovelace' };
    const [encoded] = await codec.encode([payloadOf(secret)]);

    expect(Buffer.from(encoded.data ?? []).toString('latin1')).not.toContain('Ada Lovelace');
    expect(meta(encoded, 'encoding')).toBe(ENCODING);
    expect(meta(encoded, 'encryption-key-id')).toBe('v1');
    expect(Object.keys(encoded.metadata ?? {})).not.toContain('json/plain');
    const [decoded] = await codec.decode([encoded]);
    expect(valueOf(decoded)).toEqual(secret);
  });

  it('uses a fresh nonce: the same value encrypts differently every time', async () => {
    const [a, b] = await codec.encode([payloadOf('same'), payloadOf('same')]);
    expect(Buffer.from(a.data ?? []).equals(Buffer.from(b.data ?? []))).toBe(false);
  });

  it('after rotation, new data uses the new key and old data still decodes', async () => {
    const [old] = await codec.encode([payloadOf('written with v1')]);
    const v2 = key('v2');
    const rotated = new AesGcmCodec(createKeyring([v2, v1]));

    const [fresh] = await rotated.encode([payloadOf('written with v2')]);
    expect(meta(fresh, 'encryption-key-id')).toBe('v2');
    expect((await rotated.decode([old, fresh])).map(valueOf)).toEqual(['written with v1', 'written with v2']);
  });

  it('refuses a payload whose key id is not loaded, naming the id', async () => {
    const [old] = await codec.encode([payloadOf('x')]);
    const withoutV1 = new AesGcmCodec(createKeyring([key('v2')]));
    await expect(withoutV1.decode([old])).rejects.toThrow(UnknownKeyIdError);
    await expect(withoutV1.decode([old])).rejects.toThrow(
      /encrypted with key "v1", which is not among the loaded keys \(v2\)/,
    );
  });

  it('refuses tampered ciphertext instead of returning garbage', async () => {
    const [encoded] = await codec.encode([payloadOf('do not touch')]);
    const data = Buffer.from(encoded.data ?? []);
    data[0] ^= 0xff;
    await expect(codec.decode([{ ...encoded, data }])).rejects.toThrow(TamperedPayloadError);
  });

  it('refuses a different key under the same id', async () => {
    const [encoded] = await codec.encode([payloadOf('x')]);
    const impostor = new AesGcmCodec(createKeyring([key('v1')]));
    await expect(impostor.decode([encoded])).rejects.toThrow(/failed authentication/);
  });

  it('compresses large payloads before encrypting when asked', async () => {
    const compressing = new AesGcmCodec(createKeyring([v1]), { compressAbove: 1024 });
    const big = 'a'.repeat(64 * 1024);
    const [small, large] = await compressing.encode([payloadOf('tiny'), payloadOf(big)]);
    expect((large.data ?? []).length).toBeLessThan(2048);
    expect((await compressing.decode([small, large])).map(valueOf)).toEqual(['tiny', big]);
  });

  it('refuses an encrypted payload without a key id, or too short to hold nonce and tag, saying which', async () => {
    const [encoded] = await codec.encode([payloadOf('x')]);
    const withoutId = { encoding: encoded.metadata?.encoding ?? new Uint8Array() };
    await expect(codec.decode([{ ...encoded, metadata: withoutId }])).rejects.toThrow(
      /malformed: it names no encryption-key-id/,
    );
    await expect(codec.decode([{ ...encoded, data: Buffer.alloc(20) }])).rejects.toThrow(MalformedPayloadError);
    await expect(codec.decode([{ ...encoded, data: Buffer.alloc(20) }])).rejects.toThrow(
      /data is 20 bytes, shorter than a 12-byte nonce and a 16-byte tag/,
    );
  });

  it('passes payloads it did not encrypt through untouched', async () => {
    const plain = payloadOf('not encrypted');
    expect(await codec.decode([plain])).toEqual([plain]);
  });
});
