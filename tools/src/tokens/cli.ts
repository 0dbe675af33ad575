import { runCommand } from '../cli/command';
import { TOKEN_COMMAND } from './args';

runCommand(TOKEN_COMMAND, async (...args) => (await import('./action.js')).tokenAction(...args));
