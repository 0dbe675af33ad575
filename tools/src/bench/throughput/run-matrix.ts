import { progress } from '../../cli/progress';
import { labelOf, type BenchConfig } from './matrix';
import { measureThroughput } from './measure';
import type { Measured } from './report';
import { serverOf, startBenchServer, type ServerSetup } from './servers';
import type { SignalGuard } from './stop-on-signal';

/** Untimed workflows before each timed run. */
export const WARM_UP = 20;

export const minutes = (ms: number) =>
  `${Math.floor(ms / 60_000)}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`;

export interface MatrixRun {
  measured: Measured[];
  runs: number;
  workflows: number;
  setup: ServerSetup;
  /** `PAYLOAD_CODEC_KEYS` for the mTLS+codec rows' client and workers. */
  codecKeys: string;
  guard: SignalGuard;
}

/** Rows by the server they run on, in the matrix's order. */
function byServer(rows: BenchConfig[]): BenchConfig[][] {
  const groups = new Map<string, BenchConfig[]>();
  rows.forEach((row) => groups.set(serverOf(row), [...(groups.get(serverOf(row)) ?? []), row]));
  return [...groups.values()];
}

/**
 * Run 1 of every row, then run 2, and so on, so a load burst on the machine hits the rows alike.
 * Each round starts each server afresh (kept stores keep their folder), runs its rows, stops it.
 */
export async function runMatrix({ measured, runs, workflows, setup, codecKeys, guard }: MatrixRun): Promise<void> {
  const started = Date.now();
  for (let run = 1; run <= runs; run += 1) {
    for (const group of byServer(measured.map((row) => row.config))) {
      const serverStarted = Date.now();
      const starting = startBenchServer(group[0], setup);
      const forgetServer = guard.add(async () => (await starting).stop());
      const server = await starting;
      progress(`run ${run}/${runs}: ${serverOf(group[0])} server up in ${minutes(Date.now() - serverStarted)}`);
      try {
        for (const config of group) {
          const env: Record<string, string> = { TEMPORAL_ADDRESS: server.address, TEMPORAL_NAMESPACE: setup.namespace };
          if (config.security === 'mTLS+codec') env.PAYLOAD_CODEC_KEYS = codecKeys;
          const rate = await measureThroughput({
            app: config.security === 'plain' ? 'plain' : 'local-mtls',
            env,
            workers: config.workers,
            workflows,
            warmUp: WARM_UP,
            runName: `${labelOf(config)} ${run}`,
          });
          measured.find((row) => row.config === config)?.rates.push(rate);
          progress(
            `run ${run}/${runs}: ${labelOf(config).padEnd(30)} ${rate.toFixed(1).padStart(6)} workflows/s  (${minutes(Date.now() - started)} in)`,
          );
        }
      } finally {
        await server.stop();
        forgetServer();
      }
    }
    const elapsed = Date.now() - started;
    if (run < runs) progress(`run ${run}/${runs} done; about ${minutes((elapsed / run) * (runs - run))} to go`);
  }
}
