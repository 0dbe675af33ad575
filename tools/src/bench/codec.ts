import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AesGcmCodec, createKeyring } from '@temporal-samples/codec';
import type { Payload } from '@temporalio/common';
import { runCommand } from '../cli/command';

const SIZES = [
  ['1 KiB', 1024],
  ['64 KiB', 64 * 1024],
  ['1 MiB', 1024 * 1024],
] as const;
const TARGET_BYTES = 128 * 1024 * 1024;
const ROUNDS = 3;

function mbPerSecond(bytes: number, ms: number): number {
  return bytes / (1024 * 1024) / (ms / 1000);
}

/** The best of a few rounds, in ms: the least disturbed by the rest of the machine. */
async function time(runs: number, work: () => unknown): Promise<number> {
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    for (let run = 0; run < runs; run += 1) await work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function rawEncrypt(key: Buffer, data: Buffer) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const encrypted = cipher.update(data);
  cipher.final();
  return { iv, encrypted, tag: cipher.getAuthTag() };
}

function rawDecrypt(key: Buffer, { iv, encrypted, tag }: ReturnType<typeof rawEncrypt>): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  const plain = decipher.update(encrypted);
  decipher.final();
  return plain;
}

/**
 * `npm run bench:codec`: the codec's encode and decode throughput beside raw AES-256-GCM
 * (createCipheriv on the same bytes), so its overhead reads as a ratio. Reports, never asserts.
 */
runCommand(
  {
    usage: 'npm run bench:codec --',
    summary: 'Payload codec throughput (encode, decode) against the raw AES-256-GCM cipher at 1 KiB, 64 KiB and 1 MiB.',
    options: {},
  },
  async () => {
    const key = randomBytes(32);
    const codec = new AesGcmCodec(createKeyring([{ id: 'bench', key }]));
    console.log('size     raw encrypt   codec encode          raw decrypt   codec decode');
    for (const [label, size] of SIZES) {
      const data = randomBytes(size);
      const payload: Payload = { metadata: { encoding: Buffer.from('binary/plain') }, data };
      const runs = Math.max(20, Math.round(TARGET_BYTES / size));
      const [encoded] = await codec.encode([payload]);
      await codec.decode([encoded]);

      const sealed = rawEncrypt(key, data);
      const speed = async (work: () => unknown) => mbPerSecond(size * runs, await time(runs, work));
      const rawEncryptSpeed = await speed(() => rawEncrypt(key, data));
      const encodeSpeed = await speed(() => codec.encode([payload]));
      const rawDecryptSpeed = await speed(() => rawDecrypt(key, sealed));
      const decodeSpeed = await speed(() => codec.decode([encoded]));
      const column = (value: number) => `${value.toFixed(0).padStart(6)} MB/s`;
      const ratio = (value: number, raw: number) => `(${(value / raw).toFixed(2)}x)`;
      console.log(
        `${label.padEnd(8)} ${column(rawEncryptSpeed)}  ${column(encodeSpeed)} ${ratio(encodeSpeed, rawEncryptSpeed)}   ` +
          `${column(rawDecryptSpeed)}  ${column(decodeSpeed)} ${ratio(decodeSpeed, rawDecryptSpeed)}`,
      );
    }
  },
);
