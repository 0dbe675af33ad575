import { UsageError } from '../../cli/errors';
import { STORE_KINDS, type StoreKind } from '../../cluster/stores/store';

export const SECURITIES = ['plain', 'mTLS', 'mTLS+codec'] as const;
export type Security = (typeof SECURITIES)[number];
export const WORKER_COUNTS = [1, 3] as const;
export type ServerKind = 'local' | 'start-dev';

/** One row of the table: which server, how it is secured, where it keeps data, how many worker processes poll. */
export interface BenchConfig {
  server: ServerKind;
  security: Security;
  store: StoreKind;
  workers: number;
}

export const MATRICES = ['default', 'full'] as const;
export type MatrixName = (typeof MATRICES)[number];

const config = (server: ServerKind, security: Security, store: StoreKind, workers: number): BenchConfig => ({
  server,
  security,
  store,
  workers,
});

/** Each ratio the goals need, once: the plain-memory reference, mTLS, codec, the two kept stores, three workers, start-dev. */
const DEFAULT_MATRIX: BenchConfig[] = [
  config('local', 'plain', 'memory', 1),
  config('local', 'plain', 'memory', 3),
  config('local', 'mTLS', 'memory', 1),
  config('local', 'mTLS+codec', 'memory', 1),
  config('local', 'plain', 'sqlite', 1),
  config('local', 'plain', 'postgres', 1),
  config('start-dev', 'plain', 'memory', 1),
];

/** Every security on every store with one and three workers, and start-dev with one and three. */
const FULL_MATRIX: BenchConfig[] = [
  ...STORE_KINDS.flatMap((store) =>
    SECURITIES.flatMap((security) => WORKER_COUNTS.map((workers) => config('local', security, store, workers))),
  ),
  ...WORKER_COUNTS.map((workers) => config('start-dev', 'plain', 'memory', workers)),
];

export const labelOf = (row: BenchConfig) => `${row.server} ${row.security} ${row.store} ${row.workers}w`;

const tokensOf = (row: BenchConfig) => labelOf(row).toLowerCase().split(' ');

export const isReference = (row: BenchConfig) =>
  row.server === 'local' && row.security === 'plain' && row.store === 'memory';

const KNOWN_TOKENS = [...new Set(FULL_MATRIX.flatMap(tokensOf))];

function parseFilter(filter: string): string[] {
  const tokens = filter
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  const unknown = tokens.find((token) => !KNOWN_TOKENS.includes(token));
  if (tokens.length === 0 || unknown !== undefined) {
    throw new UsageError(
      `--only is "${filter}"; ${unknown === undefined ? 'it names nothing' : `"${unknown}" is not a word of any row`}.`,
      `give words of the rows to keep, from: ${KNOWN_TOKENS.join(', ')} (e.g. --only postgres, --only "mtls 3w").`,
    );
  }
  return tokens;
}

/**
 * The rows to run: the named matrix, narrowed to rows having every word of any `--only` filter,
 * plus the plain-memory reference row for each worker count kept, so every row has its ratio.
 */
export function selectMatrix(name: MatrixName, filters: string[]): BenchConfig[] {
  const matrix = name === 'full' ? FULL_MATRIX : DEFAULT_MATRIX;
  if (filters.length === 0) return matrix;
  const wanted = filters.map(parseFilter);
  const kept = matrix.filter((row) => wanted.some((tokens) => tokens.every((token) => tokensOf(row).includes(token))));
  if (kept.length === 0) {
    throw new UsageError(
      `--only ${filters.map((filter) => `"${filter}"`).join(' --only ')} keeps no row of the ${name} matrix.`,
      `rows are named like "${labelOf(matrix[2])}"; see --matrix full for every combination.`,
    );
  }
  const workerCounts = new Set(kept.map((row) => row.workers));
  const keptLabels = new Set(kept.map(labelOf));
  return FULL_MATRIX.filter(
    (row) => keptLabels.has(labelOf(row)) || (isReference(row) && workerCounts.has(row.workers)),
  );
}

export function parseMatrix(text: string): MatrixName {
  if ((MATRICES as readonly string[]).includes(text)) return text as MatrixName;
  throw new UsageError(
    `--matrix is "${text}", not one of ${MATRICES.join(', ')}.`,
    'give --matrix default or --matrix full.',
  );
}
