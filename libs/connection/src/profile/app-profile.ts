import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withContext } from '../errors/failure-context';
import { resolveProfile, type ResolveProfileOptions } from './resolve-profile';
import type { Profile } from './profile';

export type AppProfile = Profile & { taskQueue: string };

/**
 * The profile of an app folder (its `.env`, `.env.local` and the process environment), task queue
 * included, with the credentials it names in a secrets manager read.
 */
export async function loadAppProfile(
  appDir: string,
  options: Omit<ResolveProfileOptions, 'envDir'> = {},
): Promise<AppProfile> {
  const app = projectName(appDir);
  try {
    const profile = await resolveProfile({ ...options, envDir: appDir, requireTaskQueue: true });
    return { ...profile, app, taskQueue: profile.taskQueue as string };
  } catch (error) {
    throw withContext(error, { app });
  }
}

/** The app's Nx project name, from its project.json, so nothing in the app names itself. */
function projectName(appDir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(appDir, 'project.json'), 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}
