import { runCommand } from '../cli/command';
import { THROUGHPUT_COMMAND } from './throughput/args';

runCommand(THROUGHPUT_COMMAND, async (...args) => (await import('./throughput/action.js')).throughputAction(...args));
