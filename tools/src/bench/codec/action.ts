import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AesGcmCodec, createKeyring } from '@temporal-samples/codec';
import type { Payload } from '@temporalio/common';
import type { CommandAction } from '../../cli/command';
import { UsageError } from '../../cli/errors';
import { codecGoalLines, type CodecRatios } from '../codec-goals';
import type { CODEC_COMMAND } from './args';
import { median } from '../median';

const SIZES = [
  ['1 KiB', 1024],
  ['64 KiB', 64 * 1024],
  ['1 MiB', 1024 * 1024],
] as const;
const BYTES_PER_SAMPLE = 8 * 1024 * 1024;
const SAMPLES = 15;

function mbPerSecond(bytes: number, ms: number): number {
  return bytes / (1024 * 1024) / (ms / 1000);
}

/**
 * Each timed loop ends by collecting its own garbage, and (with the flags `npm run bench:codec`
 * gives node) frees its buffers before the clock stops. Left to V8, the young generation fills
 * across loops, the loop that tips it over pays for collecting both sides' ciphers and buffers,
 * and buffers are freed on a helper thread while the next loop runs: the raw cipher plus three
 * small objects per call was then timed at 0.64x of the raw cipher alone.
 */
async function elapsed(runs: number, work: () => unknown): Promise<number> {
  const started = performance.now();
  for (let run = 0; run < runs; run += 1) await work();
  gc?.({ type: 'minor' });
  return performance.now() - started;
}

function requireExposedGc(): void {
  if (typeof gc !== 'function') {
    throw new UsageError(
      "bench:codec needs V8's gc() to collect each timed loop's garbage inside that loop's time.",
      'run it as `npm run bench:codec`, which starts node with --expose-gc --no-concurrent-array-buffer-sweeping.',
    );
  }
}

/**
 * The reference and the candidate timed in turn, sample after sample, so a burst of load elsewhere
 * on the machine hits both; the ratio is the median of the per-sample ratios.
 */
async function compare(size: number, candidate: () => unknown, reference: () => unknown) {
  const runs = Math.max(8, Math.round(BYTES_PER_SAMPLE / size));
  const speeds = { candidate: [] as number[], reference: [] as number[] };
  const ratios: number[] = [];
  for (let sample = 0; sample < SAMPLES; sample += 1) {
    const referenceMs = await elapsed(runs, reference);
    const candidateMs = await elapsed(runs, candidate);
    speeds.reference.push(mbPerSecond(size * runs, referenceMs));
    speeds.candidate.push(mbPerSecond(size * runs, candidateMs));
    ratios.push(referenceMs / candidateMs);
  }
  return { candidate: median(speeds.candidate), reference: median(speeds.reference), ratio: median(ratios) };
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

/**
 * `npm run bench:codec`: the codec's encode and decode throughput beside raw AES-256-GCM
 * (createCipheriv on the same bytes), so its overhead reads as a ratio against the goals.
 * Reports, never asserts.
 */
export const codecAction: CommandAction<typeof CODEC_COMMAND> = async () => {
  requireExposedGc();
  const key = randomBytes(32);
  const codec = new AesGcmCodec(createKeyring([{ id: 'bench', key }]));
  console.log('size     raw encrypt   codec encode          raw decrypt   codec decode');
  const ratios: CodecRatios[] = [];
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
    const cells = ({ reference, candidate, ratio }: typeof encode) =>
      `${column(reference)}  ${column(candidate)} (${ratio.toFixed(2)}x)`;
    console.log(`${size.padEnd(8)} ${cells(encode)}   ${cells(decode)}`);
    ratios.push({ size, encode: encode.ratio, decode: decode.ratio });
  }
  console.log('');
  codecGoalLines(ratios).forEach((line) => console.log(line));
  console.log(`\n${await timingCheck(key)}`);
};
