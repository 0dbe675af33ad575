import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AesGcmCodec, createKeyring } from '@temporal-samples/codec';
import type { Payload } from '@temporalio/common';
import { runCommand } from '../cli/command';

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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function elapsed(runs: number, work: () => unknown): Promise<number> {
  const started = performance.now();
  for (let run = 0; run < runs; run += 1) await work();
  return performance.now() - started;
}

/**
 * The candidate and each reference timed in turn, sample after sample, so a burst of load elsewhere
 * on the machine hits them all; each ratio is the median of that reference's per-sample ratios.
 */
async function compare(size: number, candidate: () => unknown, references: (() => unknown)[]) {
  const runs = Math.max(8, Math.round(BYTES_PER_SAMPLE / size));
  const candidateSpeeds: number[] = [];
  const timed = references.map(() => ({ speeds: [] as number[], ratios: [] as number[] }));
  for (let sample = 0; sample < SAMPLES; sample += 1) {
    const referenceMs = [];
    for (const reference of references) referenceMs.push(await elapsed(runs, reference));
    const candidateMs = await elapsed(runs, candidate);
    candidateSpeeds.push(mbPerSecond(size * runs, candidateMs));
    referenceMs.forEach((ms, index) => {
      timed[index].speeds.push(mbPerSecond(size * runs, ms));
      timed[index].ratios.push(ms / candidateMs);
    });
  }
  return {
    candidate: median(candidateSpeeds),
    references: timed.map(({ speeds, ratios }) => ({ speed: median(speeds), ratio: median(ratios) })),
  };
}

function rawEncrypt(key: Buffer, data: Buffer) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const encrypted = cipher.update(data);
  cipher.final();
  return { iv, encrypted, tag: cipher.getAuthTag() };
}

/** The raw cipher's output assembled in the shared layout, nonce ‖ ciphertext ‖ tag: what any codec writing it with Node's crypto pays at least. */
function rawEncryptInLayout(key: Buffer, data: Buffer): Buffer {
  const { iv, encrypted, tag } = rawEncrypt(key, data);
  return Buffer.concat([iv, encrypted, tag]);
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
 * (createCipheriv on the same bytes), so its overhead reads as a ratio, and encoding beside the raw
 * cipher's output concatenated into the shared layout, the floor for that layout. Reports, never asserts.
 */
runCommand(
  {
    usage: 'npm run bench:codec --',
    summary:
      'Payload codec throughput (encode, decode) against the raw AES-256-GCM cipher at 1 KiB, 64 KiB and 1 MiB, and encode against the raw cipher writing the same layout: medians of alternating samples, ratios per sample.',
    options: {},
  },
  async () => {
    const key = randomBytes(32);
    const codec = new AesGcmCodec(createKeyring([{ id: 'bench', key }]));
    console.log(
      'size     raw encrypt   codec encode          raw decrypt   codec decode          encode vs raw in layout',
    );
    for (const [label, size] of SIZES) {
      const data = randomBytes(size);
      const payload: Payload = { metadata: { encoding: Buffer.from('binary/plain') }, data };
      const [encoded] = await codec.encode([payload]);
      const sealed = rawEncrypt(key, data);
      const encode = await compare(size, () => codec.encode([payload]), [
        () => rawEncrypt(key, data),
        () => rawEncryptInLayout(key, data),
      ]);
      const decode = await compare(size, () => codec.decode([encoded]), [() => rawDecrypt(key, sealed)]);
      const column = (value: number) => `${value.toFixed(0).padStart(6)} MB/s`;
      const cells = ({ candidate, references: [raw] }: typeof encode) =>
        `${column(raw.speed)}  ${column(candidate)} (${raw.ratio.toFixed(2)}x)`;
      console.log(`${label.padEnd(8)} ${cells(encode)}   ${cells(decode)}   ${encode.references[1].ratio.toFixed(2)}x`);
    }
  },
);
