import { tlsConfig, type ClusterTlsFiles } from './tls-config';
import type { ServerPorts } from './ports';
import type { ClusterStore } from './stores/store';

const LOOPBACK = '127.0.0.1';

export interface ServerConfigOptions {
  ports: ServerPorts;
  dynamicConfigFile: string;
  tls?: ClusterTlsFiles;
  /** JWKS the server's JWT claim mapper trusts; turns on the default claim mapper and authorizer. */
  jwksUrl?: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  datastores: ClusterStore['datastores'];
  /** Which frontend port set this process listens on (the split topology runs two). */
  frontend?: 'a' | 'b';
}

/** Dynamic config for a local run: no phoning home to check for new server versions. */
export function dynamicConfig(): Record<string, unknown> {
  return { 'frontend.enableServerVersionCheck': [{ value: false }] };
}

function service(grpcPort: number, membershipPort: number, extra: Record<string, unknown> = {}) {
  return { rpc: { grpcPort, membershipPort, bindOnIP: LOOPBACK, ...extra } };
}

/**
 * Bearer tokens checked like Temporal Cloud checks API keys: the default JWT claim mapper reads
 * `permissions` (`<namespace>:<role>`) from tokens signed by a key in the JWKS, and the default
 * authorizer allows each call for those roles.
 */
function authorizationConfig(jwksUrl: string): Record<string, unknown> {
  return {
    jwtKeyProvider: { keySourceURIs: [jwksUrl], refreshInterval: '1m' },
    permissionsClaimName: 'permissions',
    claimMapper: 'default',
    authorizer: 'default',
  };
}

/**
 * The server's config for one process of a run: the store's datastores, loopback only, no
 * metrics or pprof listener. JSON is valid YAML, so the object is written as JSON.
 */
export function serverConfig({
  ports,
  dynamicConfigFile,
  tls,
  jwksUrl,
  logLevel = 'warn',
  datastores,
  frontend = 'a',
}: ServerConfigOptions): Record<string, unknown> {
  return {
    log: { stdout: true, level: logLevel, format: 'json' },
    persistence: {
      defaultStore: 'store-default',
      visibilityStore: 'store-visibility',
      numHistoryShards: 1,
      datastores: { 'store-default': datastores.default, 'store-visibility': datastores.visibility },
    },
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: LOOPBACK },
      pprof: { port: 0 },
      ...(tls ? { tls: tlsConfig(tls) } : {}),
      ...(jwksUrl ? { authorization: authorizationConfig(jwksUrl) } : {}),
    },
    services: {
      frontend:
        frontend === 'a'
          ? service(ports.frontend, ports.frontendMembership, { httpPort: ports.frontendHttp })
          : service(ports.frontendB, ports.frontendBMembership, { httpPort: ports.frontendBHttp }),
      history: service(ports.history, ports.historyMembership),
      matching: service(ports.matching, ports.matchingMembership),
      worker: service(ports.worker, ports.workerMembership),
      ...(jwksUrl
        ? {
            'internal-frontend': service(ports.internalFrontend, ports.internalFrontendMembership, {
              httpPort: ports.internalFrontendHttp,
            }),
          }
        : {}),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: 'frontend',
          rpcAddress: `${LOOPBACK}:${ports.frontend}`,
          httpAddress: `${LOOPBACK}:${ports.frontendHttp}`,
        },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    dynamicConfigClient: { filepath: dynamicConfigFile, pollInterval: '10s' },
  };
}
