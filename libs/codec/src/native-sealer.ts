import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SealInPlace } from './sealer';

/** Built by `npx nx run codec:build-native` (part of the codec's build) from native/aes-gcm-seal.c. */
export const NATIVE_SEALER_FILE = join(__dirname, '..', 'native', 'build', 'aes-gcm-seal.node');

export type NativeSealer = { seal: SealInPlace; unavailable?: undefined } | { seal?: undefined; unavailable: string };

/** The addon that seals straight into the payload's buffer with the OpenSSL inside Node, when it was built here. */
export function loadNativeSealer(file = NATIVE_SEALER_FILE): NativeSealer {
  if (!existsSync(file)) {
    return { unavailable: `${file} was not built (npx nx run codec:build-native says why)` };
  }
  const addon = { exports: {} as { seal?: SealInPlace } };
  try {
    process.dlopen(addon, file);
  } catch (error) {
    return { unavailable: `${file} does not load: ${(error as Error).message.split('\n')[0]}` };
  }
  const { seal } = addon.exports;
  return typeof seal === 'function' ? { seal } : { unavailable: `${file} exports no seal function` };
}
