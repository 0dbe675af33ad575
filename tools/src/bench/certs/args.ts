import { defineCommand } from '../../cli/command';

export const CERTS_BENCH_COMMAND = defineCommand({
  usage: 'npm run bench:certs --',
  summary: 'Times generating the whole certificate folder, ECDSA P-256 and RSA 2048; median and min.',
  options: { runs: { type: 'string', value: '<n>', default: '9', description: 'runs per algorithm' } },
});
