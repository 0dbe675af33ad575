import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { AesGcmCodec } from './aes-gcm-codec';
import { createKeyring } from './keyring';
import { protoEncodePayload } from './payload-proto';
import { WebCryptoSampleCodec } from './testing/webcrypto-sample-codec';

const payloadOf = (value: unknown) => defaultPayloadConverter.toPayload(value) as Payload;
const valueOf = (payload: Payload) => defaultPayloadConverter.fromPayload(payload);
const meta = (payload: Payload, name: string) => Buffer.from(payload.metadata?.[name] ?? []).toString();

describe('the shared layout of Temporal encryption samples, against an independent WebCrypto codec', () => {
  const key = randomBytes(32);
  const ours = new AesGcmCodec(createKeyring([{ id: 'team-key', key }]));
  const values = [{ card: '4111-1111-1111-1111', name: 'Ada Lovelace' }, 'Hello, Ada!', null, 42, ''];

  it('writes data = 12-byte nonce ‖ ciphertext ‖ 16-byte tag, with only encoding and encryption-key-id in clear', async () => {
    const original = payloadOf('Ada');
    const [encoded] = await ours.encode([original]);
    expect(Object.keys(encoded.metadata ?? {}).sort()).toEqual(['encoding', 'encryption-key-id']);
    expect(meta(encoded, 'encoding')).toBe('binary/encrypted');
    expect(meta(encoded, 'encryption-key-id')).toBe('team-key');
    const protoLength = temporal.api.common.v1.Payload.encode(original).finish().length;
    expect(encoded.data?.length).toBe(12 + protoLength + 16);
  });

  it('what this codec writes, the independent WebCrypto codec decodes', async () => {
    const theirs = await WebCryptoSampleCodec.create({ 'team-key': key }, 'team-key');
    const decoded = await theirs.decode(await ours.encode(values.map(payloadOf)));
    expect(decoded.map(valueOf)).toEqual(values);
  });

  it('what the independent WebCrypto codec writes, this codec decodes', async () => {
    const theirs = await WebCryptoSampleCodec.create({ 'team-key': key }, 'team-key');
    const decoded = await ours.decode(await theirs.encode(values.map(payloadOf)));
    expect(decoded.map(valueOf)).toEqual(values);
  });

  it('compressed payloads cross both ways as binary/zlib inside the encryption (Go CompressAndEncrypt)', async () => {
    const compressing = new AesGcmCodec(createKeyring([{ id: 'team-key', key }]), { compressAbove: 1024 });
    const goLike = await WebCryptoSampleCodec.create({ 'team-key': key }, 'team-key', true);
    const big = 'Lovelace '.repeat(8 * 1024);

    const [sealed] = await compressing.encode([payloadOf(big)]);
    expect(sealed.data?.length).toBeLessThan(2048);
    expect(valueOf((await goLike.decode([sealed]))[0])).toBe(big);
    const plainSample = await WebCryptoSampleCodec.create({ 'team-key': key }, 'team-key');
    const [inner] = await plainSample.decode([sealed]);
    expect(meta(inner, 'encoding')).toBe('binary/zlib');

    expect(valueOf((await ours.decode(await goLike.encode([payloadOf(big)])))[0])).toBe(big);
  });

  it('keeps metadata the independent codec cannot know about, and binary data, byte for byte', async () => {
    const theirs = await WebCryptoSampleCodec.create({ 'team-key': key }, 'team-key');
    const original: Payload = {
      metadata: { encoding: Buffer.from('binary/plain'), 'x-team': Buffer.from('billing'), empty: Buffer.alloc(0) },
      data: randomBytes(300 * 1024),
    };
    const [back] = await theirs.decode(await ours.encode([original]));
    expect(Buffer.from(back.data ?? []).equals(Buffer.from(original.data ?? []))).toBe(true);
    expect(
      Object.fromEntries(Object.entries(back.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString()])),
    ).toEqual({ encoding: 'binary/plain', 'x-team': 'billing', empty: '' });
  });

  it('frames a payload exactly as @temporalio/proto encodes it', () => {
    const payload: Payload = {
      metadata: { encoding: Buffer.from('json/plain'), long: randomBytes(200) },
      data: randomBytes(70_000),
    };
    const { head, body } = protoEncodePayload(payload);
    expect(Buffer.concat([head, body]).equals(temporal.api.common.v1.Payload.encode(payload).finish())).toBe(true);
  });
});
