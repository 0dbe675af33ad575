import { UsageError } from '../../cli/errors';
import { compare, requireFairTiming, STEADY_HEAP } from './timing';

const busy = (ms: number) => () => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('the codec bench timing', () => {
  it('refuses to time without gc() and the steady-heap settings, naming each and the npm script that gives them', () => {
    const saved = Object.fromEntries(Object.keys(STEADY_HEAP).map((name) => [name, process.env[name]]));
    Object.keys(STEADY_HEAP).forEach((name) => delete process.env[name]);
    try {
      expect(requireFairTiming).toThrow(UsageError);
      expect(requireFairTiming).toThrow(
        /lacks V8's gc\(\) \(node --expose-gc\), MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_\./,
      );
      process.env.MALLOC_MMAP_THRESHOLD_ = STEADY_HEAP.MALLOC_MMAP_THRESHOLD_;
      expect(requireFairTiming).toThrow(/lacks V8's gc\(\) \(node --expose-gc\), MALLOC_TRIM_THRESHOLD_\.\n/);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('reports the reference time over the candidate time: a candidate twice as slow is near 0.5x', async () => {
    const { ratio, faults } = await compare(8 * 1024 * 1024, busy(2), busy(1));
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(0.6);
    expect(Number.isFinite(faults.candidate) && Number.isFinite(faults.reference)).toBe(true);
  });
});
