import { MalformedPayloadError } from './errors';

/**
 * The legacy layout's packed metadata map: count (u16), then per entry key length (u16), key
 * (UTF-8), value length (u32), value.
 */
export function unpackMetadata(bytes: Buffer): Record<string, Uint8Array> {
  const metadata: Record<string, Uint8Array> = {};
  try {
    let offset = 2;
    for (let count = bytes.readUInt16BE(0); count > 0; count -= 1) {
      const keyLength = bytes.readUInt16BE(offset);
      const key = bytes.toString('utf8', offset + 2, offset + 2 + keyLength);
      offset += 2 + keyLength;
      const valueLength = bytes.readUInt32BE(offset);
      metadata[key] = bytes.subarray(offset + 4, offset + 4 + valueLength);
      offset += 4 + valueLength;
    }
  } catch {
    throw new MalformedPayloadError('its encrypted metadata does not parse');
  }
  return metadata;
}
