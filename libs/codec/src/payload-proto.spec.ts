import { temporal } from '@temporalio/proto';
import type { Payload } from '@temporalio/common';
import { MalformedPayloadError } from './errors';
import { protoDecodePayload, protoEncodePayload } from './payload-proto';

const ProtoPayload = temporal.api.common.v1.Payload;
const bytes = (text: string) => Buffer.from(text);
const encodedByProtobufjs = (payload: Payload) => ProtoPayload.encode(payload).finish();
const plainBytes = (payload: Payload) => {
  const decoded = protoDecodePayload(encodedByProtobufjs(payload));
  const metadata = Object.fromEntries(Object.entries(decoded.metadata ?? {}).map(([key, value]) => [key, [...value]]));
  return { metadata, data: [...(decoded.data ?? [])], externalPayloads: decoded.externalPayloads };
};

const payloads: Record<string, Payload> = {
  'metadata and data': { metadata: { encoding: bytes('json/plain') }, data: bytes('{"name":"Ada"}') },
  'several entries, one empty': {
    metadata: { encoding: bytes('binary/plain'), messageType: bytes(''), ключ: bytes('значение') },
    data: Buffer.alloc(300_000, 7),
  },
  'no data': { metadata: { encoding: bytes('binary/null') } },
  'no metadata': { data: bytes('raw') },
};

describe('protoDecodePayload', () => {
  it.each(Object.entries(payloads))('reads what protobufjs writes: %s', (_, payload) => {
    expect(plainBytes(payload)).toEqual({
      metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, [...value]])),
      data: [...(payload.data ?? [])],
      externalPayloads: undefined,
    });
  });

  it.each(Object.entries(payloads))('reads what protoEncodePayload writes, as protobufjs does: %s', (_, payload) => {
    const { head, body } = protoEncodePayload(payload);
    const encoded = Buffer.concat([head, body]);
    const byProtobufjs = ProtoPayload.decode(encoded);
    const decoded = protoDecodePayload(encoded);
    expect(Object.keys(decoded.metadata ?? {})).toEqual(Object.keys(byProtobufjs.metadata));
    for (const [key, value] of Object.entries(byProtobufjs.metadata))
      expect([...(decoded.metadata?.[key] ?? [])]).toEqual([...value]);
    expect(Buffer.from(decoded.data ?? []).equals(Buffer.from(byProtobufjs.data))).toBe(true);
  });

  it('names every metadata key right when keys share a length, repeat across payloads, or outnumber the names it keeps', () => {
    const manyKeys = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`key-${index}`, bytes(`${index}`)]));
    const sameLength: Payload = { metadata: { encoding: bytes('a'), encodinh: bytes('b'), ключ1: bytes('c') } };
    for (const metadata of [manyKeys, sameLength.metadata ?? {}, manyKeys]) {
      const decoded = protoDecodePayload(encodedByProtobufjs({ metadata }));
      expect(Object.keys(decoded.metadata ?? {}).sort()).toEqual(Object.keys(metadata).sort());
      for (const [key, value] of Object.entries(metadata))
        expect([...(decoded.metadata?.[key] ?? [])]).toEqual([...value]);
    }
  });

  it('hands out views of the bytes, not copies', () => {
    const encoded = encodedByProtobufjs(payloads['metadata and data']);
    const decoded = protoDecodePayload(encoded);
    expect(decoded.data?.buffer).toBe(encoded.buffer);
  });

  it('keeps external payload references and fields it does not read by hand', () => {
    const payload = ProtoPayload.fromObject({
      metadata: { encoding: bytes('binary/plain') },
      externalPayloads: [{ sizeBytes: 2048 }],
    });
    const decoded = protoDecodePayload(ProtoPayload.encode(payload).finish());
    expect(decoded.externalPayloads?.map((reference) => Number(reference.sizeBytes))).toEqual([2048]);
    expect(Buffer.from(decoded.metadata?.encoding ?? []).toString()).toBe('binary/plain');
  });

  it('never sets a prototype from a metadata key', () => {
    const encoded = encodedByProtobufjs({ metadata: { ['__proto__']: bytes('x'), encoding: bytes('json/plain') } });
    const decoded = protoDecodePayload(encoded);
    expect(Object.getPrototypeOf(decoded.metadata)).toBe(Object.prototype);
    expect(Buffer.from(decoded.metadata?.encoding ?? []).toString()).toBe('json/plain');
  });

  it('refuses bytes that are not a Payload', () => {
    const truncated = encodedByProtobufjs(payloads['metadata and data']).subarray(0, 9);
    expect(() => protoDecodePayload(truncated)).toThrow(MalformedPayloadError);
    expect(() => protoDecodePayload(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0xff]))).toThrow(MalformedPayloadError);
  });
});
