import { loadNativeSealer } from './native-sealer';
import { sealWithNodeCrypto } from './node-crypto-sealer';

/**
 * AES-256-GCM over `head` ‖ `body` into `data`, which holds the 12-byte nonce at its start and is
 * exactly long enough for the ciphertext and the 16-byte tag after it.
 */
export type SealInPlace = (key: Uint8Array, data: Uint8Array, head: Uint8Array, body: Uint8Array) => void;

export interface PayloadSealer {
  seal: SealInPlace;
  /** True when the native addon seals; false when Node's crypto does, because the addon is not there. */
  native: boolean;
  /** What seals, and why not the addon when it is not, for people reading a benchmark or a log. */
  description: string;
}

let chosen: PayloadSealer | undefined;

/** The native addon when it loads (it writes no intermediate buffer), else Node's crypto; chosen once. */
export function payloadSealer(): PayloadSealer {
  if (!chosen) {
    const native = loadNativeSealer();
    chosen = native.seal
      ? { seal: native.seal, native: true, description: "OpenSSL through the codec's native addon" }
      : { seal: sealWithNodeCrypto, native: false, description: `Node's crypto (native addon: ${native.unavailable})` };
  }
  return chosen;
}

/** Which sealer the codec uses in this process, for a benchmark's header or a worker's start. */
export function sealerInUse(): Pick<PayloadSealer, 'native' | 'description'> {
  const { native, description } = payloadSealer();
  return { native, description };
}
