import { runCommand } from '../cli/command';
import { BUNDLE_COMMAND } from './args';

runCommand(BUNDLE_COMMAND, async (...args) => (await import('./action.js')).bundleAction(...args));
