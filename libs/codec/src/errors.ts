/** Every way decoding or configuring the codec fails loudly, never with garbage. */
export abstract class CodecError extends Error {
  abstract readonly kind: string;

  constructor(
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${problem}\n  Fix: ${fix}`);
    this.name = new.target.name;
  }
}

export class UnknownKeyIdError extends CodecError {
  readonly kind = 'unknown-key-id';
  constructor(
    readonly keyId: string,
    known: string[],
  ) {
    super(
      `A payload was encrypted with key "${keyId}", which is not among the loaded keys (${known.join(', ') || 'none'}).`,
      `load that key too (keep old keys after a rotation until nothing encrypted with them remains).`,
    );
  }
}

export class TamperedPayloadError extends CodecError {
  readonly kind = 'tampered-payload';
  constructor(readonly keyId: string) {
    super(
      `A payload encrypted with key "${keyId}" failed authentication: it was altered, or that key id now holds a different key.`,
      `check that key "${keyId}" is the same 32 bytes it was when the payload was written; never reuse a key id for a new key.`,
    );
  }
}

export class MalformedPayloadError extends CodecError {
  readonly kind = 'malformed-payload';
  constructor(reason: string) {
    super(
      `An encrypted payload is malformed: ${reason}.`,
      "it was not written by an AES-256-GCM codec of this layout (this project, or Temporal's encryption samples), or it was cut short.",
    );
  }
}

export class CodecKeyError extends CodecError {
  readonly kind = 'codec-key';
}
