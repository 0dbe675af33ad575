import { createCipheriv } from 'node:crypto';
import type { SealInPlace } from './sealer';

const NONCE_BYTES = 12;
/** Cipher output is copied into the payload in pieces this size, while each is still in the CPU's cache. */
const PIECE_BYTES = 256 * 1024;
/** Below this, framing and data go through the cipher in one call: a call costs more than the copy. */
const ONE_CALL_BELOW = 16 * 1024;

function* plainPieces(head: Uint8Array, body: Uint8Array): Generator<Uint8Array> {
  if (body.length < ONE_CALL_BELOW) {
    yield Buffer.concat([head, body]);
    return;
  }
  yield head;
  for (let start = 0; start < body.length; start += PIECE_BYTES) yield body.subarray(start, start + PIECE_BYTES);
}

/** The sealer on every platform: Node's cipher, its output copied into `data` piece by piece. */
export const sealWithNodeCrypto: SealInPlace = (key, data, head, body) => {
  const cipher = createCipheriv('aes-256-gcm', key, data.subarray(0, NONCE_BYTES));
  let offset = NONCE_BYTES;
  for (const piece of plainPieces(head, body)) offset += cipher.update(piece).copy(data, offset);
  cipher.final();
  cipher.getAuthTag().copy(data, offset);
};
