import { runCommand } from '../cli/command';
import { CERTS_COMMAND } from './args';

runCommand(CERTS_COMMAND, async (...args) => (await import('./action.js')).certsAction(...args));
