/** Metadata names and values shared with Temporal's TypeScript, Go and Python encryption samples. */
export const ENCODING = 'binary/encrypted';
export const ENCODING_KEY = 'encoding';
export const KEY_ID_KEY = 'encryption-key-id';
/** The Go SDK's zlib codec (`converter.NewZlibCodec`) marks what it compressed with this encoding. */
export const ZLIB_ENCODING = 'binary/zlib';

export const ENCODING_BYTES = Buffer.from(ENCODING);
export const ZLIB_ENCODING_BYTES = Buffer.from(ZLIB_ENCODING);

/** Byte by byte: metadata values are a few bytes, where a call into `Buffer.equals` costs more than the loop. */
export function sameBytes(expected: Uint8Array, actual: Uint8Array | null | undefined): boolean {
  if (actual?.length !== expected.length) return false;
  for (let index = 0; index < expected.length; index += 1) if (actual[index] !== expected[index]) return false;
  return true;
}
