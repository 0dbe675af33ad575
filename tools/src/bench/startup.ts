import { runCommand } from '../cli/command';
import { STARTUP_COMMAND } from './startup/args';

runCommand(STARTUP_COMMAND, async (...args) => (await import('./startup/action.js')).startupAction(...args));
