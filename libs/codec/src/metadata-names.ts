/** Metadata names and values shared with Temporal's TypeScript, Go and Python encryption samples. */
export const ENCODING = 'binary/encrypted';
export const ENCODING_KEY = 'encoding';
export const KEY_ID_KEY = 'encryption-key-id';
/** The Go SDK's zlib codec (`converter.NewZlibCodec`) marks what it compressed with this encoding. */
export const ZLIB_ENCODING = 'binary/zlib';

export const ENCODING_BYTES = Buffer.from(ENCODING);
export const ZLIB_ENCODING_BYTES = Buffer.from(ZLIB_ENCODING);

export const sameBytes = (expected: Buffer, actual: Uint8Array | null | undefined) =>
  !!actual && expected.equals(actual);
