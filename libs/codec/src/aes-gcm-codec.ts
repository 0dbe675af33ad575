import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { MalformedPayloadError, TamperedPayloadError, UnknownKeyIdError } from './errors';
import { packMetadata, unpackMetadata } from './metadata-bytes';
import type { Keyring } from './keyring';

export const ENCODING = 'binary/encrypted';
export const CIPHER = 'AES-256-GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const EMPTY = new Uint8Array();
const ONE_CALL_BELOW = 16 * 1024;

const text = (value: string) => Buffer.from(value);
const ENCODING_BYTES = text(ENCODING);
const DEFLATE_BYTES = text('deflate');
const sameBytes = (expected: Buffer, actual: Uint8Array | null | undefined) => !!actual && expected.equals(actual);

export interface CodecOptions {
  /** Deflate payloads of at least this many bytes before encrypting them; off when undefined. */
  compressAbove?: number;
}

/**
 * Encrypts each payload's metadata and data with AES-256-GCM under the keyring's current key, as
 * one authenticated stream: the encrypted metadata travels in `encryption-metadata`, the
 * encrypted data in `data`, beside the key id, IV, tag and compression. Decoding picks the key
 * by id and fails loudly on any mismatch.
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
    const originalMetadata = packMetadata(payload.metadata);
    let body: Uint8Array = payload.data ?? EMPTY;
    const compress = this.options.compressAbove !== undefined && body.length >= this.options.compressAbove;
    if (compress) body = deflateRawSync(body);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const encryptedMetadata = cipher.update(originalMetadata);
    const data = cipher.update(body);
    cipher.final();
    const metadata: Record<string, Uint8Array> = {
      encoding: ENCODING_BYTES,
      'encryption-cipher': text(CIPHER),
      'encryption-key-id': text(id),
      'encryption-iv': iv,
      'encryption-tag': cipher.getAuthTag(),
      'encryption-metadata': encryptedMetadata,
    };
    if (compress) metadata['encryption-compression'] = DEFLATE_BYTES;
    return { metadata, data };
  }

  private decodeOne(payload: Payload): Payload {
    const metadata = payload.metadata ?? {};
    if (!sameBytes(ENCODING_BYTES, metadata.encoding)) return payload;
    const keyId = Buffer.from(metadata['encryption-key-id'] ?? []).toString();
    const entry = this.keyring.byId.get(keyId);
    if (!entry) throw new UnknownKeyIdError(keyId, [...this.keyring.byId.keys()]);
    const iv = metadata['encryption-iv'];
    const tag = metadata['encryption-tag'];
    if (iv?.length !== IV_BYTES || tag?.length !== TAG_BYTES)
      throw new MalformedPayloadError('its IV or authentication tag is missing');
    const decipher = createDecipheriv('aes-256-gcm', entry.key, iv);
    decipher.setAuthTag(tag);
    const encryptedMetadata = metadata['encryption-metadata'] ?? EMPTY;
    const data = payload.data ?? EMPTY;
    let originalMetadata: Buffer;
    let body: Buffer;
    try {
      if (data.length < ONE_CALL_BELOW) {
        // GCM is a stream: one call over both parts costs less than two for small payloads.
        const plain = decipher.update(Buffer.concat([encryptedMetadata, data]));
        originalMetadata = plain.subarray(0, encryptedMetadata.length);
        body = plain.subarray(encryptedMetadata.length);
      } else {
        originalMetadata = decipher.update(encryptedMetadata);
        body = decipher.update(data);
      }
      decipher.final();
    } catch {
      throw new TamperedPayloadError(keyId);
    }
    const compressed = sameBytes(DEFLATE_BYTES, metadata['encryption-compression']);
    return {
      metadata: unpackMetadata(originalMetadata),
      data: compressed ? inflateRawSync(body) : body,
    };
  }
}
