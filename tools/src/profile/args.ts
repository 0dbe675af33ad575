import { defineCommand } from '../cli/command';

export const PROFILE_COMMAND = defineCommand({
  usage: 'npx nx run <app>:profile --',
  summary:
    'Prints the connection profile an app resolves (process environment, .env.local, .env, TOML profile), ' +
    'each value with where it came from (a credential read from a secrets manager: its secret id and version); secrets are redacted.',
  options: {
    'env-dir': { type: 'string', value: '<app folder>', description: 'the app whose .env files to read' },
  },
});
