import { runCommand } from '../cli/command';
import { DEMO_COMMAND } from './args';

runCommand(DEMO_COMMAND, async (...args) => (await import('./action.js')).demoAction(...args));
