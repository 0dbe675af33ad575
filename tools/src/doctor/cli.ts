import { parseArgs } from 'node:util';
import { runMain } from '@temporal-samples/connection';
import { UsageError } from '../cli/errors';
import { formatReport } from './format-report';
import { runDoctor } from './run-doctor';

/**
 * `npx nx run <app>:doctor` or `npx nx run tools:doctor -- --env-file <path>`: checks a profile
 * step by step (profile, address, TLS, Temporal) and prints ✓ or ✗ with the fix. `--json` for data.
 * Exit code 0 only when everything passes.
 */
runMain(async () => {
  const { values } = parseArgs({
    options: {
      'env-dir': { type: 'string' },
      'env-file': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (values['env-dir'] && values['env-file'])
    throw new UsageError('Give --env-dir or --env-file, not both.', 'pick one.');
  const results = await runDoctor({ envDir: values['env-dir'], envFile: values['env-file'] });
  console.log(
    values.json
      ? JSON.stringify({ ok: results.every((result) => result.ok), checks: results }, null, 2)
      : formatReport(results),
  );
  if (results.some((result) => !result.ok)) process.exit(1);
});
