import { CIPHER, sealerInUse } from '@temporal-samples/codec';
import type { CodecSettings } from '../profile/codec-settings';

/** What a worker that encrypts payloads says at start: the cipher, the key that encrypts, and what seals. */
export function codecStartLine({ keyring }: CodecSettings): string {
  return `Payloads encrypted at rest with ${CIPHER} under key "${keyring.current.id}", sealed with ${sealerInUse().description}.`;
}
