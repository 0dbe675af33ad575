import { createDecipheriv, randomFillSync } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import type { Payload } from '@temporalio/common';
import { MalformedPayloadError, TamperedPayloadError } from './errors';
import type { CodecKey } from './keyring';
import { ENCODING_BYTES, ENCODING_KEY, KEY_ID_KEY, sameBytes, ZLIB_ENCODING_BYTES } from './metadata-names';
import { byteView, protoDecodePayload, protoEncodePayload } from './payload-proto';
import { payloadSealer } from './sealer';

export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

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
  const data = Buffer.allocUnsafe(NONCE_BYTES + head.length + body.length + TAG_BYTES);
  randomFillSync(data, 0, NONCE_BYTES);
  payloadSealer().seal(key, data, head, body);
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
