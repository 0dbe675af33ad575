import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../cli/errors';

export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');

export function appDir(app: string): string {
  return join(WORKSPACE_ROOT, 'apps', app);
}

/** The apps with a worker to run: the folders under apps/ with a src/worker.ts. */
export function runnableApps(): string[] {
  return readdirSync(join(WORKSPACE_ROOT, 'apps')).filter((app) => existsSync(join(appDir(app), 'src', 'worker.ts')));
}

/** A tool's `--app` value, checked before anything starts: a UsageError naming the apps it could be. */
export function requireRunnableApp(app: string): void {
  const apps = runnableApps();
  if (apps.includes(app)) return;
  const problem = existsSync(appDir(app)) ? 'has no worker to run' : 'does not exist';
  throw new UsageError(`--app ${app}: apps/${app} ${problem}.`, `give one of ${apps.join(', ')}.`);
}
