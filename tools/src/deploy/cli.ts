import { runCommand } from '../cli/command';
import { DEPLOY_COMMAND } from './args';

runCommand(DEPLOY_COMMAND, async (...args) => (await import('./action.js')).deployAction(...args));
