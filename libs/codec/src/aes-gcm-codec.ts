import type { Payload, PayloadCodec } from '@temporalio/common';
import { MalformedPayloadError, UnknownKeyIdError } from './errors';
import type { CodecKey, Keyring } from './keyring';
import { isLegacyLayout, openLegacyPayload } from './legacy-layout';
import { ENCODING_BYTES, ENCODING_KEY, KEY_ID_KEY, sameBytes } from './metadata-names';
import { openPayload, sealPayload } from './shared-layout';

export { ENCODING } from './metadata-names';
export const CIPHER = 'AES-256-GCM';

export interface CodecOptions {
  /** Compress payloads whose data has at least this many bytes (zlib, as Go's codec); off when undefined. */
  compressAbove?: number;
}

/**
 * Encrypts every payload with AES-256-GCM under the keyring's current key, in the layout Temporal's
 * TypeScript, Go and Python encryption samples share, so their codecs and codec servers read these
 * payloads and this codec reads theirs. Decoding picks the key by `encryption-key-id`, also reads
 * this project's legacy layout, passes payloads it did not encrypt through, and fails loudly on
 * any mismatch.
 */
export class AesGcmCodec implements PayloadCodec {
  /** Key ids as bytes, compared with the payload's `encryption-key-id` without decoding it. */
  private readonly keysByIdBytes: ReadonlyArray<{ idBytes: Buffer; key: CodecKey }>;

  constructor(
    private readonly keyring: Keyring,
    private readonly options: CodecOptions = {},
  ) {
    this.keysByIdBytes = [...keyring.byId.values()].map((key) => ({ idBytes: Buffer.from(key.id), key }));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const { compressAbove } = this.options;
    return payloads.map((payload) =>
      sealPayload(
        this.keyring.current,
        payload,
        compressAbove !== undefined && (payload.data?.length ?? 0) >= compressAbove,
      ),
    );
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    const decoded = new Array<Payload>(payloads.length);
    for (let index = 0; index < payloads.length; index += 1) decoded[index] = this.decodeOne(payloads[index]);
    return decoded;
  }

  private decodeOne(payload: Payload): Payload {
    if (!sameBytes(ENCODING_BYTES, payload.metadata?.[ENCODING_KEY])) return payload;
    const key = this.keyFor(payload);
    return isLegacyLayout(payload) ? openLegacyPayload(key, payload) : openPayload(key, payload);
  }

  private keyFor(payload: Payload): CodecKey {
    const idBytes = payload.metadata?.[KEY_ID_KEY];
    if (!idBytes?.length) throw new MalformedPayloadError(`it names no ${KEY_ID_KEY}`);
    for (const { idBytes: candidate, key } of this.keysByIdBytes) if (sameBytes(candidate, idBytes)) return key;
    throw new UnknownKeyIdError(Buffer.from(idBytes).toString(), [...this.keyring.byId.keys()]);
  }
}
