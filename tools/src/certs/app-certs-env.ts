import { isAbsolute, join, relative, resolve } from 'node:path';
import { mergeLayers, readEnvLayers } from '@temporal-samples/connection/env-layers';
import { certsDir, DEFAULT_CERTS_DIR } from './layout';

const isInside = (dir: string, path: string) => {
  const from = relative(dir, path);
  return from !== '' && !from.startsWith('..') && !isAbsolute(from);
};

/**
 * Points an app at the moved certificate folder: each `*_PATH` in the app's `.env` files that names
 * a file in the workspace's certs/ becomes the same file under SAMPLES_CERTS_DIR, as an environment
 * override (the environment outranks `.env`, so the files stay as they are). Nothing when the
 * folder has not moved.
 */
export function appCertsEnv(envDir: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const dir = certsDir(env);
  if (dir === DEFAULT_CERTS_DIR) return {};
  const { vars } = mergeLayers(readEnvLayers(envDir, {}));
  const moved: Record<string, string> = {};
  for (const [name, value] of Object.entries(vars)) {
    const path = resolve(envDir, value);
    if (name.endsWith('_PATH') && isInside(DEFAULT_CERTS_DIR, path)) {
      moved[name] = join(dir, relative(DEFAULT_CERTS_DIR, path));
    }
  }
  return moved;
}
