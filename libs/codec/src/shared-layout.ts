import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import type { Payload } from '@temporalio/common';
import { MalformedPayloadError, TamperedPayloadError } from './errors';
import type { CodecKey } from './keyring';
import { ENCODING_BYTES, ENCODING_KEY, KEY_ID_KEY, sameBytes, ZLIB_ENCODING_BYTES } from './metadata-names';
import { byteView, protoDecodePayload, protoEncodePayload } from './payload-proto';

export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
/** Cipher output is copied into the payload in pieces this size, while each is still in the CPU's cache. */
const PIECE_BYTES = 256 * 1024;
/** Below this, framing and data go through the cipher in one call: a call costs more than the copy. */
const ONE_CALL_BELOW = 16 * 1024;

function* plainPieces(head: Buffer, body: Uint8Array): Generator<Uint8Array> {
  if (body.length < ONE_CALL_BELOW) {
    yield Buffer.concat([head, body]);
    return;
  }
  yield head;
  for (let start = 0; start < body.length; start += PIECE_BYTES) yield body.subarray(start, start + PIECE_BYTES);
}

/** Go's zlib codec: the whole payload, protobuf-encoded, zlib-compressed, under `encoding: binary/zlib`. */
function zlibWrapped(payload: Payload): Payload | undefined {
  const { head, body } = protoEncodePayload(payload);
  const compressed = deflateSync(Buffer.concat([head, body]));
  if (compressed.length >= head.length + body.length) return undefined;
  return { metadata: { [ENCODING_KEY]: ZLIB_ENCODING_BYTES }, data: compressed };
}

function zlibUnwrapped(payload: Payload): Payload {
  if (!sameBytes(ZLIB_ENCODING_BYTES, payload.metadata?.[ENCODING_KEY])) return payload;
  let inflated: Buffer;
  try {
    inflated = inflateSync(payload.data ?? new Uint8Array());
  } catch {
    throw new MalformedPayloadError('its binary/zlib content does not inflate');
  }
  return protoDecodePayload(inflated);
}

/**
 * The layout of Temporal's encryption samples: `data` = 12-byte nonce ‖ AES-256-GCM ciphertext ‖
 * 16-byte tag, over the protobuf-encoded original payload; metadata `encoding: binary/encrypted`
 * and `encryption-key-id`. With `compress`, the payload is first wrapped as Go's zlib codec does.
 */
export function sealPayload({ id, key }: CodecKey, payload: Payload, compress: boolean): Payload {
  const inner = (compress && zlibWrapped(payload)) || payload;
  const { head, body } = protoEncodePayload(inner);
  const plainLength = head.length + body.length;
  const data = Buffer.allocUnsafe(NONCE_BYTES + plainLength + TAG_BYTES);
  const nonce = randomFillSync(data, 0, NONCE_BYTES).subarray(0, NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  let offset = NONCE_BYTES;
  for (const piece of plainPieces(head, body)) offset += cipher.update(piece).copy(data, offset);
  cipher.final();
  cipher.getAuthTag().copy(data, offset);
  return { metadata: { [ENCODING_KEY]: ENCODING_BYTES, [KEY_ID_KEY]: Buffer.from(id) }, data };
}

export function openPayload({ id, key }: CodecKey, payload: Payload): Payload {
  const data = payload.data ?? new Uint8Array();
  if (data.length < NONCE_BYTES + TAG_BYTES) {
    throw new MalformedPayloadError(
      `its data is ${data.length} bytes, shorter than a ${NONCE_BYTES}-byte nonce and a ${TAG_BYTES}-byte tag`,
    );
  }
  const decipher = createDecipheriv('aes-256-gcm', key, byteView(data, 0, NONCE_BYTES));
  decipher.setAuthTag(byteView(data, data.length - TAG_BYTES, data.length));
  let plain: Buffer;
  try {
    plain = decipher.update(byteView(data, NONCE_BYTES, data.length - TAG_BYTES));
    decipher.final();
  } catch {
    throw new TamperedPayloadError(id);
  }
  return zlibUnwrapped(protoDecodePayload(plain));
}
