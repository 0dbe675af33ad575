import { createDecipheriv } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import type { Payload } from '@temporalio/common';
import { MalformedPayloadError, TamperedPayloadError } from './errors';
import type { CodecKey } from './keyring';
import { unpackMetadata } from './metadata-bytes';
import { sameBytes } from './metadata-names';
import { NONCE_BYTES, TAG_BYTES } from './shared-layout';

const IV_KEY = 'encryption-iv';
const DEFLATE_BYTES = Buffer.from('deflate');
const ONE_CALL_BELOW = 16 * 1024;
const EMPTY = new Uint8Array();

/**
 * This project's first layout, read so that histories written with it stay readable; never written
 * any more. It always carries `encryption-iv` (and `encryption-tag`) in clear metadata, which the
 * shared layout never does: that tells the two apart.
 */
export const isLegacyLayout = (payload: Payload) => !!payload.metadata?.[IV_KEY];

/**
 * One AES-256-GCM stream under `encryption-iv`: the packed original metadata (in
 * `encryption-metadata`), then the original data (in `data`), authenticated by `encryption-tag`;
 * `encryption-compression: deflate` means the data was raw-deflated before encryption.
 */
export function openLegacyPayload({ id, key }: CodecKey, payload: Payload): Payload {
  const metadata = payload.metadata ?? {};
  const iv = metadata[IV_KEY];
  const tag = metadata['encryption-tag'];
  if (iv?.length !== NONCE_BYTES || tag?.length !== TAG_BYTES)
    throw new MalformedPayloadError('its IV or authentication tag is missing');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  const encryptedMetadata = metadata['encryption-metadata'] ?? EMPTY;
  const data = payload.data ?? EMPTY;
  let originalMetadata: Buffer;
  let body: Buffer;
  try {
    if (data.length < ONE_CALL_BELOW) {
      const plain = decipher.update(Buffer.concat([encryptedMetadata, data]));
      originalMetadata = plain.subarray(0, encryptedMetadata.length);
      body = plain.subarray(encryptedMetadata.length);
    } else {
      originalMetadata = decipher.update(encryptedMetadata);
      body = decipher.update(data);
    }
    decipher.final();
  } catch {
    throw new TamperedPayloadError(id);
  }
  const compressed = sameBytes(DEFLATE_BYTES, metadata['encryption-compression']);
  return { metadata: unpackMetadata(originalMetadata), data: compressed ? inflateRawSync(body) : body };
}
