import { runCommand } from '../cli/command';
import { PROFILE_COMMAND } from './args';

runCommand(PROFILE_COMMAND, async (...args) => (await import('./action.js')).profileAction(...args));
