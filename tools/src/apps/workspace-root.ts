import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');

export function appDir(app: string): string {
  return join(WORKSPACE_ROOT, 'apps', app);
}
