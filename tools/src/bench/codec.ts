import { runCommand } from '../cli/command';
import { CODEC_COMMAND } from './codec/args';

runCommand(CODEC_COMMAND, async (...args) => (await import('./codec/action.js')).codecAction(...args));
