import type { TLSConfig } from '@temporalio/client';
import type { Profile } from '../profile/profile';

export interface ProfileConnectionOptions {
  address: string;
  tls: TLSConfig | false;
  apiKey?: string;
  metadata: Record<string, string>;
}

function tlsConfig(profile: Profile): TLSConfig | false {
  const { tls } = profile;
  if (!tls) return false;
  return {
    serverNameOverride: tls.serverName,
    serverRootCACertificate: tls.serverCaCert ? Buffer.from(tls.serverCaCert) : undefined,
    clientCertPair:
      tls.clientCert && tls.clientKey
        ? { crt: Buffer.from(tls.clientCert), key: Buffer.from(tls.clientKey) }
        : undefined,
  };
}

/**
 * The options both Connection (client) and NativeConnection (worker) take, from one profile.
 * Every call carries the `temporal-namespace` header, which Temporal Cloud uses to route API-key calls.
 */
export function connectionOptions(profile: Profile): ProfileConnectionOptions {
  return {
    address: profile.address,
    tls: tlsConfig(profile),
    apiKey: profile.apiKey,
    metadata: { 'temporal-namespace': profile.namespace, ...profile.grpcMeta },
  };
}
