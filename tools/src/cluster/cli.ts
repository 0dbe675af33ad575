import { runCommand } from '../cli/command';
import { SERVER_COMMAND } from './args';

runCommand(SERVER_COMMAND, async (...args) => (await import('./action.js')).serverAction(...args));
