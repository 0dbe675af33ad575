import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AesGcmCodec, createKeyring, sealerInUse } from '@temporal-samples/codec';
import type { Payload } from '@temporalio/common';
import type { CommandAction } from '../../cli/command';
import { codecGoalLines, type CodecRatios } from '../codec-goals';
import type { CODEC_COMMAND } from './args';
import { compare, requireFairTiming, type Comparison } from './timing';

const SIZES = [
  ['1 KiB', 1024],
  ['64 KiB', 64 * 1024],
  ['1 MiB', 1024 * 1024],
] as const;

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
 * The harness timing a known small overhead: the raw cipher against itself plus three small objects
 * per call. Near 1 when each side pays for its own garbage; unfair timing showed it at 0.64x.
 */
async function timingCheck(key: Buffer): Promise<string> {
  const sealed = rawEncrypt(key, randomBytes(1024));
  const { ratio } = await compare(
    1024,
    () => ({ plain: rawDecrypt(key, sealed), extra: [{ index: 1 }, { index: 2 }, { index: 3 }] }),
    () => rawDecrypt(key, sealed),
  );
  return `Timing check: raw decrypt at 1 KiB plus three small objects per call, against raw decrypt alone: ${ratio.toFixed(2)}x (should be near 1).`;
}

/** Page faults show memory the allocator handed back and took again inside a timed loop. */
function memoryCheck(size: string, encode: Comparison, decode: Comparison): string {
  const pair = ({ faults }: Comparison) => `${faults.candidate.toFixed(0)} / ${faults.reference.toFixed(0)}`;
  return `Memory check: minor page faults per call at ${size}, codec / raw cipher: encode ${pair(encode)}, decode ${pair(decode)} (should be near 0).`;
}

/**
 * `npm run bench:codec`: the codec's encode and decode throughput beside raw AES-256-GCM
 * (createCipheriv on the same bytes), so its overhead reads as a ratio against the goals.
 * Reports, never asserts.
 */
export const codecAction: CommandAction<typeof CODEC_COMMAND> = async () => {
  requireFairTiming();
  const key = randomBytes(32);
  const codec = new AesGcmCodec(createKeyring([{ id: 'bench', key }]));
  console.log(`The codec seals with ${sealerInUse().description}.\n`);
  console.log('size     raw encrypt   codec encode          raw decrypt   codec decode');
  const ratios: CodecRatios[] = [];
  let lastMemoryCheck = '';
  for (const [size, bytes] of SIZES) {
    const data = randomBytes(bytes);
    const payload: Payload = { metadata: { encoding: Buffer.from('binary/plain') }, data };
    const [encoded] = await codec.encode([payload]);
    const sealed = rawEncrypt(key, data);
    const encode = await compare(
      bytes,
      () => codec.encode([payload]),
      () => rawEncrypt(key, data),
    );
    const decode = await compare(
      bytes,
      () => codec.decode([encoded]),
      () => rawDecrypt(key, sealed),
    );
    const column = (value: number) => `${value.toFixed(0).padStart(6)} MB/s`;
    const cells = ({ reference, candidate, ratio }: Comparison) =>
      `${column(reference)}  ${column(candidate)} (${ratio.toFixed(2)}x)`;
    console.log(`${size.padEnd(8)} ${cells(encode)}   ${cells(decode)}`);
    ratios.push({ size, encode: encode.ratio, decode: decode.ratio });
    lastMemoryCheck = memoryCheck(size, encode, decode);
  }
  console.log('');
  codecGoalLines(ratios).forEach((line) => console.log(line));
  console.log(`\n${await timingCheck(key)}\n${lastMemoryCheck}`);
};
