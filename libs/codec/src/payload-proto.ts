import { temporal } from '@temporalio/proto';
import type { Payload } from '@temporalio/common';
import { MalformedPayloadError } from './errors';

const ProtoPayload = temporal.api.common.v1.Payload;

const METADATA_FIELD = 0x0a; // field 1, length-delimited
const DATA_FIELD = 0x12; // field 2, length-delimited
const ENTRY_KEY = 0x0a;
const ENTRY_VALUE = 0x12;

function varintSize(value: number): number {
  let size = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) size += 1;
  return size;
}

function writeVarint(out: Buffer, offset: number, value: number): number {
  let rest = value;
  while (rest >= 0x80) {
    out[offset++] = (rest & 0x7f) | 0x80;
    rest = Math.floor(rest / 0x80);
  }
  out[offset++] = rest;
  return offset;
}

const fieldSize = (length: number) => 1 + varintSize(length) + length;

/**
 * A payload's protobuf encoding (`temporal.api.common.v1.Payload`) as `head ‖ body`, where `body` is
 * the payload's data itself: callers stream both through a cipher without copying the data.
 */
export function protoEncodePayload(payload: Payload): { head: Buffer; body: Uint8Array } {
  if (payload.externalPayloads?.length) {
    return { head: Buffer.from(ProtoPayload.encode(payload).finish()), body: new Uint8Array() };
  }
  const entries = Object.entries(payload.metadata ?? {}).map(([key, value]) => {
    const keyBytes = Buffer.from(key);
    return { keyBytes, value, size: fieldSize(keyBytes.length) + fieldSize(value.length) };
  });
  const body = payload.data ?? new Uint8Array();
  const dataHead = body.length > 0 ? 1 + varintSize(body.length) : 0;
  const head = Buffer.allocUnsafe(entries.reduce((total, entry) => total + fieldSize(entry.size), dataHead));
  let offset = 0;
  for (const { keyBytes, value, size } of entries) {
    head[offset++] = METADATA_FIELD;
    offset = writeVarint(head, offset, size);
    head[offset++] = ENTRY_KEY;
    offset = writeVarint(head, offset, keyBytes.length);
    offset += keyBytes.copy(head, offset);
    head[offset++] = ENTRY_VALUE;
    offset = writeVarint(head, offset, value.length);
    head.set(value, offset);
    offset += value.length;
  }
  if (dataHead > 0) {
    head[offset++] = DATA_FIELD;
    writeVarint(head, offset, body.length);
  }
  return { head, body };
}

const EMPTY: Uint8Array = new Uint8Array();
const utf8 = new TextDecoder();

/**
 * `bytes[start, end)` as a plain `Uint8Array` over the same memory: a `Buffer`'s `subarray` runs
 * Node's `Buffer` constructor, which costs as much as the rest of reading a small payload.
 */
export function byteView(bytes: Uint8Array, start: number, end: number): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset + start, end - start);
}

/** Metadata keys are a handful of names (`encoding`, `messageType`, ...): each is decoded once, then matched by its bytes. */
const keyNames: { bytes: Uint8Array; name: string }[] = [];
const MAX_KEY_NAMES = 32;

function keyName(bytes: Uint8Array, start: number, end: number): string {
  const length = end - start;
  for (const known of keyNames) {
    if (known.bytes.length !== length) continue;
    let index = 0;
    while (index < length && known.bytes[index] === bytes[start + index]) index += 1;
    if (index === length) return known.name;
  }
  const view = byteView(bytes, start, end);
  const name = utf8.decode(view);
  if (keyNames.length < MAX_KEY_NAMES) keyNames.push({ bytes: view.slice(), name });
  return name;
}

/**
 * Reads the length-delimited fields of a protobuf message, `bytes[from, to)`, in order. `next()`
 * returns the field number and leaves its bytes at `[start, end)`, or returns 0 at the end, or -1
 * for anything it does not read (another wire type, a length past the end), which callers leave to
 * protobufjs. Ranges rather than views: a view costs an allocation, and most fields need none.
 */
class LengthDelimitedReader {
  start = 0;
  end = 0;

  constructor(
    readonly bytes: Uint8Array,
    private offset = 0,
    private readonly to = bytes.length,
  ) {}

  next(): number {
    if (this.offset >= this.to) return 0;
    const tag = this.varint();
    if (tag < 0 || (tag & 7) !== 2) return -1;
    const length = this.varint();
    const end = this.offset + length;
    if (length < 0 || end > this.to) return -1;
    this.start = this.offset;
    this.end = end;
    this.offset = end;
    return tag >>> 3;
  }

  /** The current field's bytes, a view, not a copy. */
  value(): Uint8Array {
    return byteView(this.bytes, this.start, this.end);
  }

  private varint(): number {
    let value = 0;
    for (let scale = 1; this.offset < this.to && scale <= 0x10000000; scale *= 0x80) {
      const byte = this.bytes[this.offset++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
    }
    return -1;
  }
}

function addMetadataEntry(metadata: Record<string, Uint8Array>, { bytes, start, end }: LengthDelimitedReader): boolean {
  const entry = new LengthDelimitedReader(bytes, start, end);
  let key = '';
  let value: Uint8Array = EMPTY;
  for (let field = entry.next(); field !== 0; field = entry.next()) {
    if (field === 1) key = keyName(bytes, entry.start, entry.end);
    else if (field === 2) value = entry.value();
    else return false;
  }
  if (key === '__proto__') return false;
  metadata[key] = value;
  return true;
}

/** Metadata and data read by hand, as views of `bytes`; undefined when the payload holds anything else. */
function decodeCommonPayload(bytes: Uint8Array): Payload | undefined {
  const reader = new LengthDelimitedReader(bytes);
  const metadata: Record<string, Uint8Array> = {};
  let data: Uint8Array = EMPTY;
  for (let field = reader.next(); field !== 0; field = reader.next()) {
    if (field === 2) data = reader.value();
    else if (field !== 1 || !addMetadataEntry(metadata, reader)) return undefined;
  }
  return { metadata, data };
}

/** The payload a protobuf `Payload` encodes; its data and metadata values are views of `bytes`, not copies. */
export function protoDecodePayload(bytes: Uint8Array): Payload {
  const common = decodeCommonPayload(bytes);
  if (common) return common;
  let decoded: temporal.api.common.v1.Payload;
  try {
    decoded = ProtoPayload.decode(bytes);
  } catch {
    throw new MalformedPayloadError('its decrypted bytes are not a protobuf Payload');
  }
  const payload: Payload = { metadata: { ...decoded.metadata }, data: decoded.data };
  if (decoded.externalPayloads.length > 0) payload.externalPayloads = decoded.externalPayloads;
  return payload;
}
