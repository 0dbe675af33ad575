import { runCommand } from '../cli/command';
import { NAMESPACE_COMMAND } from './args';

runCommand(NAMESPACE_COMMAND, async (...args) => (await import('./action.js')).namespaceAction(...args));
