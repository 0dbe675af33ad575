import { readProfileSecrets } from '../secrets/read-secrets';
import type { SecretStore } from '../secrets/secret-store';
import { loadProfile, profileEnv, type LoadProfileOptions } from './load-profile';
import type { Profile } from './profile';

export interface ResolveProfileOptions extends Omit<LoadProfileOptions, 'secrets'> {
  /** The store the profile's `*_SECRET` settings are read from; by default the one the settings select. */
  secretStore?: SecretStore;
}

/**
 * loadProfile, with the credentials that the profile names as secrets (`*_SECRET`) read from
 * their secrets manager first: every secret at once, each failure an error naming the setting,
 * the secret id and the fix.
 */
export async function resolveProfile(options: ResolveProfileOptions = {}): Promise<Profile> {
  const { secretStore, ...rest } = options;
  const { merged } = profileEnv(rest);
  const secrets = await readProfileSecrets(merged, secretStore);
  return loadProfile({ ...rest, secrets });
}
