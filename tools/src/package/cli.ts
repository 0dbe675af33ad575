import { runCommand } from '../cli/command';
import { PACKAGE_COMMAND } from './args';

runCommand(PACKAGE_COMMAND, async (...args) => (await import('./action.js')).packageAction(...args));
