import { UsageError } from '../../cli/errors';
import { median } from '../median';

const BYTES_PER_SAMPLE = 8 * 1024 * 1024;
const SAMPLES = 15;

/**
 * glibc settings `npm run bench:codec` starts node with. By default glibc hands freed heap back to the
 * system between timed loops and moves its mmap threshold as buffers are freed, so whichever side's
 * buffers land on returned memory fault every page again on first write: at 1 MiB the codec's decode
 * side took 32-156 minor page faults per call and the raw cipher's 0 (0.60x-0.71x in four runs of five),
 * an accident of which loop ran after which. With these, neither side faults and each pays for its
 * own work only.
 */
export const STEADY_HEAP = { MALLOC_MMAP_THRESHOLD_: '4194304', MALLOC_TRIM_THRESHOLD_: '268435456' };
const FIX =
  'run it as `npm run bench:codec`, which starts node with --expose-gc --no-concurrent-array-buffer-sweeping ' +
  `and ${Object.entries(STEADY_HEAP)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ')}.`;

/** Fails with the fix unless the process can collect each loop's garbage and keeps its heap between loops. */
export function requireFairTiming(): void {
  const missing = [
    ...(typeof gc === 'function' ? [] : ["V8's gc() (node --expose-gc)"]),
    ...Object.keys(STEADY_HEAP).filter((name) => !process.env[name]),
  ];
  if (missing.length > 0) {
    throw new UsageError(
      `bench:codec times each loop with its own garbage and memory, and this process lacks ${missing.join(', ')}.`,
      FIX,
    );
  }
}

interface Loop {
  ms: number;
  faultsPerCall: number;
}

/**
 * Each timed loop ends by collecting its own garbage, and (with the flags `npm run bench:codec` gives
 * node) frees its buffers before the clock stops. Left to V8, the young generation fills across
 * loops, the loop that tips it over pays for collecting both sides' ciphers and buffers, and buffers
 * are freed on a helper thread while the next loop runs: the raw cipher plus three small objects per
 * call was then timed at 0.64x of the raw cipher alone.
 */
async function timedLoop(runs: number, work: () => unknown): Promise<Loop> {
  const faults = process.resourceUsage().minorPageFault;
  const started = performance.now();
  for (let run = 0; run < runs; run += 1) await work();
  if (typeof gc === 'function') gc({ type: 'minor' });
  const ms = performance.now() - started;
  return { ms, faultsPerCall: (process.resourceUsage().minorPageFault - faults) / runs };
}

const mbPerSecond = (bytes: number, ms: number) => bytes / (1024 * 1024) / (ms / 1000);

export interface Comparison {
  /** MB/s, median of the samples. */
  candidate: number;
  reference: number;
  /** Median of the per-sample ratios, reference time over candidate time. */
  ratio: number;
  /** Minor page faults per call, median of the samples. */
  faults: { candidate: number; reference: number };
}

/**
 * The reference and the candidate timed in turn, sample after sample, so a burst of load elsewhere
 * on the machine hits both; the ratio is the median of the per-sample ratios.
 */
export async function compare(size: number, candidate: () => unknown, reference: () => unknown): Promise<Comparison> {
  const runs = Math.max(8, Math.round(BYTES_PER_SAMPLE / size));
  const samples = { candidate: [] as Loop[], reference: [] as Loop[] };
  for (let sample = 0; sample < SAMPLES; sample += 1) {
    samples.reference.push(await timedLoop(runs, reference));
    samples.candidate.push(await timedLoop(runs, candidate));
  }
  const speed = (loops: Loop[]) => median(loops.map(({ ms }) => mbPerSecond(size * runs, ms)));
  const faults = (loops: Loop[]) => median(loops.map(({ faultsPerCall }) => faultsPerCall));
  return {
    candidate: speed(samples.candidate),
    reference: speed(samples.reference),
    ratio: median(samples.reference.map(({ ms }, index) => ms / samples.candidate[index].ms)),
    faults: { candidate: faults(samples.candidate), reference: faults(samples.reference) },
  };
}
