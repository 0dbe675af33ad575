import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCertificates } from '../../certs/generate';
import { certsDir } from '../../certs/layout';
import { DEFAULT_SERVER_NAME } from '../../certs/options';
import type { CommandAction } from '../../cli/command';
import { parseCount } from '../../cli/count';
import { progress } from '../../cli/progress';
import { clusterTlsFiles } from '../../cluster/tls-config';
import { labelOf, parseMatrix, selectMatrix } from './matrix';
import { formatTable, goalLines, type Measured } from './report';
import { minutes, runMatrix, WARM_UP } from './run-matrix';
import { stopOnSignal } from './stop-on-signal';
import type { THROUGHPUT_COMMAND } from './args';

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
export const throughputAction: CommandAction<typeof THROUGHPUT_COMMAND> = async (values) => {
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
};
