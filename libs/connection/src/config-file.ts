import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadClientConfigProfile, type ClientConfigProfile } from '@temporalio/envconfig';
import { ConfigFileError } from './errors';

export interface TomlProfile {
  label: string;
  values: ClientConfigProfile;
}

function configFilePath(env: Record<string, string>): string {
  const configHome = env.XDG_CONFIG_HOME ?? join(env.HOME ?? homedir(), '.config');
  return env.TEMPORAL_CONFIG_FILE ?? join(configHome, 'temporalio', 'temporal.toml');
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
