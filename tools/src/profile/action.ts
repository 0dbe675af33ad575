import { describeProfile, resolveProfile } from '@temporal-samples/connection';
import type { CommandAction } from '../cli/command';
import type { PROFILE_COMMAND } from './args';

/** Every resolved value and where it came from, secrets redacted. */
export const profileAction: CommandAction<typeof PROFILE_COMMAND> = async (values) => {
  const envDir = values['env-dir'];
  const profile = await resolveProfile({ envDir, onNotice: () => undefined });
  console.log(`Connection profile${envDir ? ` of ${envDir}` : ''}:`);
  console.log(describeProfile(profile));
};
