import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCertificates } from '../certs/generate';
import { DEFAULT_CERTS_DIR } from '../certs/layout';
import { DEFAULT_SERVER_NAME } from '../certs/options';
import { runCommand } from '../cli/command';
import { parseCount } from '../cli/count';
import { progress } from '../cli/progress';
import { clusterTlsFiles } from '../cluster/tls-config';
import { labelOf, MATRICES, parseMatrix, selectMatrix, type BenchConfig } from './throughput/matrix';
import { measureThroughput } from './throughput/measure';
import { formatTable, goalLines, type Measured } from './throughput/report';
import { serverOf, startBenchServer, type ServerSetup } from './throughput/servers';
import { stopOnSignal } from './throughput/stop-on-signal';

const NAMESPACE = 'samples';
const WARM_UP = 20;

const minutes = (ms: number) =>
  `${Math.floor(ms / 60_000)}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`;

/** Rows by the server they run on, in the matrix's order. */
function byServer(rows: BenchConfig[]): BenchConfig[][] {
  const groups = new Map<string, BenchConfig[]>();
  rows.forEach((row) => groups.set(serverOf(row), [...(groups.get(serverOf(row)) ?? []), row]));
  return [...groups.values()];
}

function machine(): string {
  const [one] = loadavg();
  return `${cpus().length} cores (${cpus()[0]?.model.trim()}), Node.js ${process.version}, load average ${one.toFixed(1)} at the start`;
}

/**
 * `npm run bench:throughput`: the local cluster's workflow throughput by security, store and
 * worker count, against the Temporal CLI's dev server. Runs are interleaved: run 1 of every row,
 * then run 2, so a load burst on the machine hits the rows alike. Reports, never asserts.
 */
runCommand(
  {
    usage: 'npm run bench:throughput --',
    summary:
      'Workflows per second for N greet workflows on local clusters (plain, mTLS, mTLS plus codec; memory, SQLite ' +
      'file, PostgreSQL; one and three worker processes) and on `temporal server start-dev`, median of several ' +
      'interleaved runs, with ratios against plain-memory and the goals met or missed. Every server it starts is on ' +
      '127.0.0.1 and stopped at the end, also on Ctrl-C. Reports, never asserts.',
    options: {
      workflows: { type: 'string', value: '<n>', default: '1000', description: 'workflows per run' },
      runs: { type: 'string', value: '<n>', default: '3', description: 'runs of each row to take the median of' },
      matrix: {
        type: 'string',
        value: `<${MATRICES.join('|')}>`,
        default: 'default',
        description:
          'default: each ratio once (plain, mTLS, mTLS+codec on memory; plain on sqlite and postgres; plain-memory ' +
          'with 3 workers; start-dev), about 11 minutes; full: every combination, about 35 minutes',
      },
      only: {
        type: 'string',
        value: '<words>',
        multiple: true,
        description:
          'keep the rows having every word, e.g. postgres, "mtls 3w", start-dev (plain-memory stays as the reference)',
      },
    },
    examples: [
      'npm run bench:throughput',
      'npm run bench:throughput -- --workflows 50 --runs 1',
      'npm run bench:throughput -- --matrix full --only postgres',
    ],
  },
  async (values) => {
    const workflows = parseCount('workflows', values.workflows);
    const runs = parseCount('runs', values.runs);
    const rows = selectMatrix(parseMatrix(values.matrix), values.only ?? []);
    const guard = stopOnSignal();
    await generateCertificates({ outDir: DEFAULT_CERTS_DIR });
    const codecKeys = `v1=${randomBytes(32).toString('base64')}`;
    const setup: ServerSetup = {
      namespace: NAMESPACE,
      tls: clusterTlsFiles(DEFAULT_CERTS_DIR, DEFAULT_SERVER_NAME),
      dataDir: mkdtempSync(join(tmpdir(), 'bench-throughput-')),
    };
    chmodSync(setup.dataDir, 0o755); // as root the tools run PostgreSQL as the postgres user, which must reach its folder
    const removeData = async () => rmSync(setup.dataDir, { recursive: true, force: true });
    const forgetData = guard.add(removeData);
    const measured: Measured[] = rows.map((config) => ({ config, rates: [] }));
    const note = machine();
    progress(`${rows.length} rows x ${runs} run(s) of ${workflows} workflows: ${rows.map(labelOf).join('; ')}`);
    const started = Date.now();
    try {
      for (let run = 1; run <= runs; run += 1) {
        for (const group of byServer(rows)) {
          const serverStarted = Date.now();
          const server = await startBenchServer(group[0], setup);
          const forgetServer = guard.add(() => server.stop());
          progress(`run ${run}/${runs}: ${serverOf(group[0])} server up in ${minutes(Date.now() - serverStarted)}`);
          try {
            for (const config of group) {
              const env: Record<string, string> = { TEMPORAL_ADDRESS: server.address, TEMPORAL_NAMESPACE: NAMESPACE };
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
    } catch (error) {
      await guard.settleUnlessStopping(error);
    } finally {
      await removeData();
      forgetData();
    }
    console.log(
      `${workflows} greet workflows per run (after ${WARM_UP} untimed), median of ${runs} interleaved run(s), ` +
        `${minutes(Date.now() - started)} in all; ${note}.\n`,
    );
    console.log(formatTable(measured));
    console.log('\nGoals (memory store, same worker count):');
    goalLines(measured).forEach((line) => console.log(line));
  },
);
