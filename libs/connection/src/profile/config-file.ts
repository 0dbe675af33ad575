import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { loadClientConfigProfile, type ClientConfigProfile } from '@temporalio/envconfig';
import { ConfigFileError } from '../errors/profile-errors';

export interface TomlProfile {
  label: string;
  values: ClientConfigProfile;
}

/** Where envconfig looks when TEMPORAL_CONFIG_FILE is unset (its own rules, per platform). */
function userConfigDir(env: Record<string, string>): string {
  const home = env.HOME || homedir();
  if (process.platform === 'win32') return env.APPDATA || join(home, 'AppData', 'Roaming');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support');
  const xdg = env.XDG_CONFIG_HOME;
  return xdg && isAbsolute(xdg) ? xdg : join(home, '.config');
}

function configFilePath(env: Record<string, string>): string {
  return env.TEMPORAL_CONFIG_FILE || join(userConfigDir(env), 'temporalio', 'temporal.toml');
}

/** Runs an envconfig call, turning its plain errors into a ConfigFileError that names the file. */
export function withConfigFile<T>(env: Record<string, string>, load: () => T): T {
  try {
    return load();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigFileError(configFilePath(env), reason);
  }
}

/** The TOML profile alone (no environment applied), so each value's origin can be reported. */
export function readTomlProfile(env: Record<string, string>, disabled = false): TomlProfile {
  if (disabled) return { label: 'no config file', values: {} };
  const name = env.TEMPORAL_PROFILE ?? 'default';
  const values = withConfigFile(env, () => loadClientConfigProfile({ overrideEnvVars: env, disableEnv: true }));
  return { label: `profile "${name}" in ${configFilePath(env)}`, values };
}
