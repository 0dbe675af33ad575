import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runMain } from '@temporal-samples/connection';
import { UsageError } from '../cli/errors';
import { progress } from '../cli/progress';
import { generateCertificates } from '../certs/generate';
import type { KeyAlgorithm } from '../certs/keys';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

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
runMain(async () => {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new UsageError(`--runs is "${values.runs}", not a whole number of runs.`, 'give e.g. --runs 9');
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
});
