import { runCommand } from '../cli/command';
import { CONTAINERS_COMMAND } from './args';

runCommand(CONTAINERS_COMMAND, async (...args) => (await import('./action.js')).containersAction(...args));
