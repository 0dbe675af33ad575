import { describeProfile, resolveProfile } from '@temporal-samples/connection';
import { runCommand } from '../cli/command';

/** `npx nx run <app>:profile`: every resolved value and where it came from, secrets redacted. */
runCommand(
  {
    usage: 'npx nx run <app>:profile --',
    summary:
      'Prints the connection profile an app resolves (process environment, .env.local, .env, TOML profile), ' +
      'each value with where it came from (a credential read from a secrets manager: its secret id and version); secrets are redacted.',
    options: {
      'env-dir': { type: 'string', value: '<app folder>', description: 'the app whose .env files to read' },
    },
  },
  async (values) => {
    const envDir = values['env-dir'];
    const profile = await resolveProfile({ envDir, onNotice: () => undefined });
    console.log(`Connection profile${envDir ? ` of ${envDir}` : ''}:`);
    console.log(describeProfile(profile));
  },
);
