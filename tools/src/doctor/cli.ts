import { runCommand } from '../cli/command';
import { UsageError } from '../cli/errors';
import { formatReport } from './format-report';
import { runDoctor } from './run-doctor';

/** Exit code 0 only when every check passes. */
runCommand(
  {
    usage: 'npx nx run <app>:doctor --',
    summary:
      'Checks a connection profile step by step (profile, address, TLS, client certificate, Temporal) and prints ✓ or ✗ with the fix for each. Also: npx nx run tools:doctor -- --env-file <path>.',
    options: {
      'env-dir': { type: 'string', value: '<app folder>', description: 'the app whose .env files to check' },
      'env-file': { type: 'string', value: '<file>', description: 'check this env file instead' },
      json: { type: 'boolean', description: 'print the results as JSON' },
    },
  },
  async (values) => {
    if (values['env-dir'] && values['env-file']) {
      throw new UsageError('Give --env-dir or --env-file, not both.', 'pick one.');
    }
    const results = await runDoctor({ envDir: values['env-dir'], envFile: values['env-file'] });
    const ok = results.every((result) => result.ok);
    console.log(values.json ? JSON.stringify({ ok, checks: results }, null, 2) : formatReport(results));
    if (!ok) process.exit(1);
  },
);
