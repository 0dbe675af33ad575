import { MalformedPayloadError } from './errors';

/**
 * A payload's metadata map as bytes, compact and quick to read back:
 * count (u16), then per entry key length (u16), key (UTF-8), value length (u32), value.
 */
export function packMetadata(metadata: Record<string, Uint8Array> | null | undefined): Buffer {
  const entries = Object.entries(metadata ?? {}).map(([key, value]) => [Buffer.from(key), value] as const);
  const size = entries.reduce((total, [key, value]) => total + 6 + key.length + value.length, 2);
  const out = Buffer.allocUnsafe(size);
  let offset = out.writeUInt16BE(entries.length, 0);
  for (const [key, value] of entries) {
    offset = out.writeUInt16BE(key.length, offset);
    offset += key.copy(out, offset);
    offset = out.writeUInt32BE(value.length, offset);
    out.set(value, offset);
    offset += value.length;
  }
  return out;
}

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
