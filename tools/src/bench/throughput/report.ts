import { median } from '../median';
import { isReference, labelOf, WORKER_COUNTS, type BenchConfig, type Security } from './matrix';

export interface Measured {
  config: BenchConfig;
  /** Workflows per second, one per run, in run order. */
  rates: number[];
}

const perSecond = (row: Measured) => median(row.rates);
const withRuns = (rows: Measured[]) => rows.filter((row) => row.rates.length > 0);

/** The table, Markdown, with each row's median against plain-memory with the same worker count. */
export function formatTable(allRows: Measured[]): string {
  const rows = withRuns(allRows);
  const reference = (workers: number) => rows.find((row) => isReference(row.config) && row.config.workers === workers);
  const lines = [
    '| server | security | store | workers | workflows/s (median) | runs | vs plain-memory |',
    '| --- | --- | --- | --: | --: | --- | --: |',
    ...rows.map((row) => {
      const { server, security, store, workers } = row.config;
      const base = reference(workers);
      const ratio = base ? `${(perSecond(row) / perSecond(base)).toFixed(2)}x` : 'n/a';
      const runs = row.rates.map((rate) => rate.toFixed(0)).join(', ');
      return `| ${server} | ${security} | ${store} | ${workers} | ${perSecond(row).toFixed(1)} | ${runs} | ${ratio} |`;
    }),
  ];
  return lines.join('\n');
}

interface Goal {
  label: string;
  minimum: number;
  measured: Security;
  against: Security;
  againstServer: BenchConfig['server'];
}

const GOALS: Goal[] = [
  { label: 'mTLS vs plain', minimum: 0.9, measured: 'mTLS', against: 'plain', againstServer: 'local' },
  { label: 'mTLS+codec vs mTLS', minimum: 0.85, measured: 'mTLS+codec', against: 'mTLS', againstServer: 'local' },
  { label: 'plain vs start-dev', minimum: 1.0, measured: 'plain', against: 'plain', againstServer: 'start-dev' },
];

/** One line per goal and worker count measured, on the memory store: the ratio, and met or missed. */
export function goalLines(rows: Measured[]): string[] {
  const find = (server: BenchConfig['server'], security: Security, workers: number) =>
    withRuns(rows).find(
      ({ config }) =>
        config.server === server &&
        config.security === security &&
        config.store === 'memory' &&
        config.workers === workers,
    );
  return GOALS.flatMap((goal) => {
    const lines = WORKER_COUNTS.flatMap((workers) => {
      const measured = find('local', goal.measured, workers);
      const against = find(goal.againstServer, goal.against, workers);
      if (!measured || !against) return [];
      const ratio = perSecond(measured) / perSecond(against);
      const verdict = ratio >= goal.minimum ? 'met' : 'missed';
      return [
        `- ${goal.label}, ${workers}w: ${ratio.toFixed(2)}x (${labelOf(measured.config)} / ${labelOf(against.config)}; goal >= ${goal.minimum}x): ${verdict}`,
      ];
    });
    return lines.length > 0 ? lines : [`- ${goal.label}: not measured by these rows (the default matrix has it)`];
  });
}
