import { defineCommand } from '../../cli/command';
import { MATRICES } from './matrix';

export const THROUGHPUT_COMMAND = defineCommand({
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
});
