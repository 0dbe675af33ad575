import { defineCommand } from '../cli/command';

export const DOCTOR_COMMAND = defineCommand({
  usage: 'npx nx run <app>:doctor --',
  summary:
    'Checks a connection profile step by step (profile, address, TLS, client certificate, Temporal) and prints ✓ or ✗ with the fix for each. Also: npx nx run tools:doctor -- --env-file <path>.',
  options: {
    'env-dir': { type: 'string', value: '<app folder>', description: 'the app whose .env files to check' },
    'env-file': { type: 'string', value: '<file>', description: 'check this env file instead' },
    json: { type: 'boolean', description: 'print the results as JSON' },
  },
});
