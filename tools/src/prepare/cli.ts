import { runCommand } from '../cli/command';
import { PREPARE_COMMAND } from './args';

runCommand(PREPARE_COMMAND, async (...args) => (await import('./action.js')).prepareAction(...args));
