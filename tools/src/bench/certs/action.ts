import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandAction } from '../../cli/command';
import { parseCount } from '../../cli/count';
import { progress } from '../../cli/progress';
import { generateCertificates } from '../../certs/generate';
import type { KeyAlgorithm } from '../../certs/keys';
import { median } from '../median';
import type { CERTS_BENCH_COMMAND } from './args';

/** Milliseconds to make a full set (two CAs, frontend, internode, three clients) in a fresh folder. */
async function timeFullSet(algorithm: KeyAlgorithm): Promise<number> {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-certs-'));
  try {
    const started = performance.now();
    await generateCertificates({ outDir, algorithm, clients: ['bench-client'] });
    return performance.now() - started;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * `node tools/dist/bench/certs.js [--runs n]`: time to generate the whole certificate folder,
 * ECDSA P-256 (the default) and RSA 2048 for reference; median and min. Reports, never asserts.
 */
export const certsAction: CommandAction<typeof CERTS_BENCH_COMMAND> = async (values) => {
  const runs = parseCount('runs', values.runs);
  for (const algorithm of ['ecdsa', 'rsa'] as const) {
    const first = await timeFullSet(algorithm);
    const times: number[] = [];
    for (let run = 1; run <= runs; run += 1) {
      times.push(await timeFullSet(algorithm));
      progress(`${algorithm} run ${run}/${runs}: ${times.at(-1)?.toFixed(1)} ms`);
    }
    const label = algorithm === 'ecdsa' ? 'ECDSA P-256' : 'RSA 2048   ';
    console.log(
      `${label}  full set (2 CAs, frontend, internode, 3 clients), ${runs} runs: median ${median(times).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms (first, cold: ${first.toFixed(1)} ms)`,
    );
  }
};
