import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { MalformedPayloadError, TamperedPayloadError, UnknownKeyIdError } from './errors';
import type { Keyring } from './keyring';

export const ENCODING = 'binary/encrypted';
export const CIPHER = 'AES-256-GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const ProtoPayload = temporal.api.common.v1.Payload;

const text = (value: string) => Buffer.from(value);

export interface CodecOptions {
  /** Deflate payloads of at least this many bytes before encrypting them; off when undefined. */
  compressAbove?: number;
}

/**
 * Encrypts each whole payload (data and metadata) with AES-256-GCM under the keyring's current
 * key. The key id, the cipher and the compression travel in the new payload's metadata; the
 * server sees nothing else. Decoding picks the key by id and fails loudly on any mismatch.
 */
export class AesGcmCodec implements PayloadCodec {
  constructor(
    private readonly keyring: Keyring,
    private readonly options: CodecOptions = {},
  ) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encodeOne(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decodeOne(payload));
  }

  private encodeOne(payload: Payload): Payload {
    const { id, key } = this.keyring.current;
    let plain = Buffer.from(ProtoPayload.encode(payload).finish());
    const compress = this.options.compressAbove !== undefined && plain.length >= this.options.compressAbove;
    if (compress) plain = deflateRawSync(plain);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    const metadata: Record<string, Uint8Array> = {
      encoding: text(ENCODING),
      'encryption-cipher': text(CIPHER),
      'encryption-key-id': text(id),
    };
    if (compress) metadata['encryption-compression'] = text('deflate');
    return { metadata, data };
  }

  private decodeOne(payload: Payload): Payload {
    const metadata = payload.metadata ?? {};
    if (Buffer.from(metadata.encoding ?? []).toString() !== ENCODING) return payload;
    const keyId = Buffer.from(metadata['encryption-key-id'] ?? []).toString();
    const entry = this.keyring.byId.get(keyId);
    if (!entry) throw new UnknownKeyIdError(keyId, [...this.keyring.byId.keys()]);
    const data = Buffer.from(payload.data ?? []);
    if (data.length < IV_BYTES + TAG_BYTES) throw new MalformedPayloadError(`${data.length} bytes is too short`);
    const decipher = createDecipheriv('aes-256-gcm', entry.key, data.subarray(0, IV_BYTES));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new TamperedPayloadError(keyId);
    }
    const compressed = Buffer.from(metadata['encryption-compression'] ?? []).toString() === 'deflate';
    return ProtoPayload.decode(compressed ? inflateRawSync(plain) : plain);
  }
}
