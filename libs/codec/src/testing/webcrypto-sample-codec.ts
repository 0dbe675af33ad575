import { webcrypto } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

const { Payload: ProtoPayload } = temporal.api.common.v1;
const NONCE_LENGTH = 12;
const utf8 = (text: string) => new TextEncoder().encode(text);
const text = (bytes: Uint8Array | null | undefined) => new TextDecoder().decode(bytes ?? new Uint8Array());

/**
 * An independent codec for the shared layout, written the way Temporal's samples write it and
 * sharing no code with this library: WebCrypto (crypto.subtle) AES-GCM, protobuf by
 * @temporalio/proto. With `zlib`, it also compresses first as Go's CompressAndEncryptDataConverter
 * does. Tests use it to prove that payloads cross between the two in both directions.
 */
export class WebCryptoSampleCodec implements PayloadCodec {
  private constructor(
    private readonly keys: Map<string, webcrypto.CryptoKey>,
    private readonly keyId: string,
    private readonly zlib: boolean,
  ) {}

  static async create(keys: Record<string, Uint8Array>, keyId: string, zlib = false): Promise<WebCryptoSampleCodec> {
    const imported = new Map<string, webcrypto.CryptoKey>();
    for (const [id, raw] of Object.entries(keys)) {
      imported.set(id, await webcrypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']));
    }
    return new WebCryptoSampleCodec(imported, keyId, zlib);
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(
      payloads.map(async (payload) => {
        const inner = this.zlib
          ? {
              metadata: { encoding: utf8('binary/zlib') },
              data: deflateSync(ProtoPayload.encode(payload).finish()),
            }
          : payload;
        const nonce = webcrypto.getRandomValues(new Uint8Array(NONCE_LENGTH));
        const sealed = await webcrypto.subtle.encrypt(
          { name: 'AES-GCM', iv: nonce, tagLength: 128 },
          this.key(this.keyId),
          ProtoPayload.encode(inner).finish(),
        );
        const data = new Uint8Array(NONCE_LENGTH + sealed.byteLength);
        data.set(nonce);
        data.set(new Uint8Array(sealed), NONCE_LENGTH);
        return { metadata: { encoding: utf8('binary/encrypted'), 'encryption-key-id': utf8(this.keyId) }, data };
      }),
    );
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(
      payloads.map(async (payload) => {
        if (text(payload.metadata?.encoding) !== 'binary/encrypted') return payload;
        const data = payload.data ?? new Uint8Array();
        const opened = await webcrypto.subtle.decrypt(
          { name: 'AES-GCM', iv: data.subarray(0, NONCE_LENGTH), tagLength: 128 },
          this.key(text(payload.metadata?.['encryption-key-id'])),
          data.subarray(NONCE_LENGTH),
        );
        const inner = ProtoPayload.decode(new Uint8Array(opened));
        if (!this.zlib || text(inner.metadata?.encoding) !== 'binary/zlib') return inner;
        return ProtoPayload.decode(inflateSync(inner.data ?? new Uint8Array()));
      }),
    );
  }

  private key(id: string): webcrypto.CryptoKey {
    const key = this.keys.get(id);
    if (!key) throw new Error(`no key "${id}"`);
    return key;
  }
}
