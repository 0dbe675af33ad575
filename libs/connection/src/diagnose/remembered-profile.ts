import type { Profile } from '../profile';

let current: Profile | undefined;

/** connectClient/connectWorker note the profile, so a later refusal can be explained by runMain. */
export function rememberProfile(profile: Profile): void {
  current = profile;
}

export function rememberedProfile(): Profile | undefined {
  return current;
}

let appName: string | undefined;

/** loadAppProfile notes the app's Nx project name, so failures can name its doctor command. */
export function rememberAppName(name: string | undefined): void {
  appName = name;
}

export function rememberedAppName(): string | undefined {
  return appName;
}
