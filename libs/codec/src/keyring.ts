import { CodecKeyError } from './errors';

export const KEY_BYTES = 32;

export interface CodecKey {
  id: string;
  key: Buffer;
}

/** The keys a codec holds: `current` encrypts; every key decrypts what it once encrypted. */
export interface Keyring {
  current: CodecKey;
  byId: ReadonlyMap<string, CodecKey>;
}

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function createKeyring(keys: CodecKey[], currentId = keys[0]?.id): Keyring {
  if (keys.length === 0)
    throw new CodecKeyError('No encryption key is configured.', 'give at least one key: <id>=<32 bytes in base64>.');
  const byId = new Map<string, CodecKey>();
  for (const entry of keys) {
    if (!KEY_ID.test(entry.id)) {
      throw new CodecKeyError(`Key id "${entry.id}" is not allowed.`, 'use 1-64 letters, digits, ".", "_" or "-".');
    }
    if (entry.key.length !== KEY_BYTES) {
      throw new CodecKeyError(
        `Key "${entry.id}" is ${entry.key.length} bytes; AES-256 needs exactly ${KEY_BYTES}.`,
        "make one with: node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\"",
      );
    }
    if (byId.has(entry.id))
      throw new CodecKeyError(`Key id "${entry.id}" is given twice.`, 'give each key its own id.');
    byId.set(entry.id, entry);
  }
  const current = currentId === undefined ? undefined : byId.get(currentId);
  if (!current)
    throw new CodecKeyError(`The current key "${currentId}" is not among the keys.`, 'name one of the given key ids.');
  return { current, byId };
}

/** `id1=<base64>,id2=<base64>`: the first is current, the others still decrypt. */
export function parseKeyList(text: string): CodecKey[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item, index) => {
      const separator = item.indexOf('=');
      if (separator < 1) {
        throw new CodecKeyError(
          `Key entry ${index + 1} is not <id>=<base64 key>.`,
          'write each key as <id>=<32 bytes in base64>, separated by commas.',
        );
      }
      return { id: item.slice(0, separator), key: Buffer.from(item.slice(separator + 1), 'base64') };
    });
}
