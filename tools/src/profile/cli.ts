import { parseArgs } from 'node:util';
import { describeProfile, loadProfile, runMain } from '@temporal-samples/connection';

/** `npx nx run <app>:profile`: every resolved value and where it came from, secrets redacted. */
runMain(async () => {
  const { values } = parseArgs({ options: { 'env-dir': { type: 'string' } } });
  const profile = loadProfile({ envDir: values['env-dir'], onNotice: () => undefined });
  console.log(`Connection profile${values['env-dir'] ? ` of ${values['env-dir']}` : ''}:`);
  console.log(describeProfile(profile));
});
