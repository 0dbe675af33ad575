import type { CommandAction } from '../cli/command';
import { UsageError } from '../cli/errors';
import type { DOCTOR_COMMAND } from './args';
import { formatReport } from './format-report';
import { runDoctor } from './run-doctor';

/** Exit code 0 only when every check passes. */
export const doctorAction: CommandAction<typeof DOCTOR_COMMAND> = async (values) => {
  if (values['env-dir'] && values['env-file']) {
    throw new UsageError('Give --env-dir or --env-file, not both.', 'pick one.');
  }
  const results = await runDoctor({ envDir: values['env-dir'], envFile: values['env-file'] });
  const ok = results.every((result) => result.ok);
  console.log(values.json ? JSON.stringify({ ok, checks: results }, null, 2) : formatReport(results));
  if (!ok) process.exit(1);
};
