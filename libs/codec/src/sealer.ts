import { loadNativeSealer } from './native-sealer';
import { sealWithNodeCrypto } from './node-crypto-sealer';

/**
 * AES-256-GCM over `head` ‖ `body` into `data`, which holds the 12-byte nonce at its start and is
 * exactly long enough for the ciphertext and the 16-byte tag after it.
 */
export type SealInPlace = (key: Uint8Array, data: Uint8Array, head: Uint8Array, body: Uint8Array) => void;

export interface PayloadSealer {
  seal: SealInPlace;
  /** What seals, for people reading a benchmark or a log. */
  description: string;
}

let chosen: PayloadSealer | undefined;

/** The native addon when it loads (it writes no intermediate buffer), else Node's crypto; chosen once. */
export function payloadSealer(): PayloadSealer {
  if (!chosen) {
    const native = loadNativeSealer();
    chosen = native.seal
      ? { seal: native.seal, description: "OpenSSL through the codec's native addon" }
      : { seal: sealWithNodeCrypto, description: `Node's crypto (native addon: ${native.unavailable})` };
  }
  return chosen;
}

/** Which sealer the codec uses in this process, e.g. for a benchmark's header. */
export const sealerDescription = (): string => payloadSealer().description;
