import type { Profile } from '../profile';

let current: Profile | undefined;

/** connectClient/connectWorker note the profile, so a later refusal can be explained by runMain. */
export function rememberProfile(profile: Profile): void {
  current = profile;
}

export function rememberedProfile(): Profile | undefined {
  return current;
}
