import type { ClientConnectConfig } from '@temporalio/envconfig';
import { loadProfile, type LoadProfileOptions } from '../profile/load-profile';
import { connectionOptions } from './connection-options';

/**
 * `@temporalio/envconfig`'s `loadClientConnectConfig()` result, `{ connectionOptions, namespace }`,
 * resolved through this project's profile (app `.env` files, older names, checks with fixes), so code
 * written from Temporal's samples drops in: `Connection.connect(config.connectionOptions)`,
 * `NativeConnection.connect(config.connectionOptions)`, `new Client({ connection, namespace })`.
 */
export function loadClientConnectConfig(options: LoadProfileOptions = {}): ClientConnectConfig & { namespace: string } {
  const profile = loadProfile(options);
  return { connectionOptions: connectionOptions(profile), namespace: profile.namespace };
}
