import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCertificates } from '../certs/generate';
import { certsDir } from '../certs/layout';
import { DEFAULT_SERVER_NAME } from '../certs/options';
import { runCommand } from '../cli/command';
import { parseCount } from '../cli/count';
import { progress } from '../cli/progress';
import { clusterTlsFiles } from '../cluster/tls-config';
import { labelOf, MATRICES, parseMatrix, selectMatrix } from './throughput/matrix';
import { formatTable, goalLines, type Measured } from './throughput/report';
import { minutes, runMatrix, WARM_UP } from './throughput/run-matrix';
import { stopOnSignal } from './throughput/stop-on-signal';

function machine(): string {
  const [one] = loadavg();
  return `${cpus().length} cores (${cpus()[0]?.model.trim()}), Node.js ${process.version}, load average ${one.toFixed(1)} at the start`;
}

function printReport(measured: Measured[], heading: string): void {
  console.log(`${heading}\n`);
  console.log(formatTable(measured));
  console.log('\nGoals (memory store, same worker count):');
  goalLines(measured).forEach((line) => console.log(line));
}

/**
 * `npm run bench:throughput`: the local cluster's workflow throughput by security, store and
 * worker count, against the Temporal CLI's dev server. Reports, never asserts.
 */
runCommand(
  {
    usage: 'npm run bench:throughput --',
    summary:
      'Workflows per second for N greet workflows on local clusters (plain, mTLS, mTLS plus codec; memory, SQLite ' +
      'file, PostgreSQL; one and three worker processes) and on `temporal server start-dev`, median of several ' +
      'interleaved runs, with ratios against plain-memory and the goals met or missed. Every server it starts is on ' +
      '127.0.0.1 and stopped at the end; Ctrl-C stops them and prints what was measured so far. Reports, never asserts.',
    options: {
      workflows: { type: 'string', value: '<n>', default: '1000', description: 'workflows per run' },
      runs: { type: 'string', value: '<n>', default: '3', description: 'runs of each row to take the median of' },
      matrix: {
        type: 'string',
        value: `<${MATRICES.join('|')}>`,
        default: 'default',
        description:
          'default: 7 rows, each ratio once (plain, mTLS, mTLS+codec on memory; plain on sqlite and postgres; ' +
          'plain-memory with 3 workers; start-dev); full: all 20 combinations, about 3 times as long',
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
    const measured: Measured[] = rows.map((config) => ({ config, rates: [] }));
    const note = machine();
    const heading = (runsTaken: string) =>
      `${workflows} greet workflows per run (after ${WARM_UP} untimed), median of ${runsTaken}; ${note}.`;
    const guard = stopOnSignal();
    guard.add(async () => printReport(measured, heading(`the interleaved runs done before the signal (of ${runs})`)));
    await generateCertificates({ outDir: certsDir() });
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-throughput-'));
    chmodSync(dataDir, 0o755); // as root the tools run PostgreSQL as the postgres user, which must reach its folder
    const removeData = async () => rmSync(dataDir, { recursive: true, force: true });
    const forgetData = guard.add(removeData);
    progress(`${rows.length} rows x ${runs} run(s) of ${workflows} workflows: ${rows.map(labelOf).join('; ')}`);
    const started = Date.now();
    try {
      await runMatrix({
        measured,
        runs,
        workflows,
        setup: { namespace: 'samples', tls: clusterTlsFiles(certsDir(), DEFAULT_SERVER_NAME), dataDir },
        codecKeys: `v1=${randomBytes(32).toString('base64')}`,
        guard,
      });
    } catch (error) {
      await guard.settleUnlessStopping(error);
    } finally {
      await removeData();
      forgetData();
    }
    printReport(measured, heading(`${runs} interleaved run(s), ${minutes(Date.now() - started)} in all`));
  },
);
