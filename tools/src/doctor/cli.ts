import { runCommand } from '../cli/command';
import { DOCTOR_COMMAND } from './args';

runCommand(DOCTOR_COMMAND, async (...args) => (await import('./action.js')).doctorAction(...args));
