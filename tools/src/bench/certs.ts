import { runCommand } from '../cli/command';
import { CERTS_BENCH_COMMAND } from './certs/args';

runCommand(CERTS_BENCH_COMMAND, async (...args) => (await import('./certs/action.js')).certsAction(...args));
