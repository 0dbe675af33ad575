import { loadProfile, type LoadProfileOptions } from './load-profile';
import type { Profile } from './profile';

export type AppProfile = Profile & { taskQueue: string };

/** The profile of an app folder (its `.env`, `.env.local` and the process environment), task queue included. */
export function loadAppProfile(appDir: string, options: Omit<LoadProfileOptions, 'envDir'> = {}): AppProfile {
  const profile = loadProfile({ ...options, envDir: appDir, requireTaskQueue: true });
  return { ...profile, taskQueue: profile.taskQueue as string };
}
