import { tlsConfig, type ClusterTlsFiles } from './tls-config';
import type { ServerPorts } from './ports';

const LOOPBACK = '127.0.0.1';

export interface ServerConfigOptions {
  ports: ServerPorts;
  dynamicConfigFile: string;
  tls?: ClusterTlsFiles;
  /** JWKS the server's JWT claim mapper trusts; turns on the default claim mapper and authorizer. */
  jwksUrl?: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

/** Dynamic config for a local run: no phoning home to check for new server versions. */
export function dynamicConfig(): Record<string, unknown> {
  return { 'frontend.enableServerVersionCheck': [{ value: false }] };
}

function sqliteStore() {
  return {
    sql: {
      pluginName: 'sqlite',
      databaseName: 'default',
      connectAddr: 'localhost',
      connectProtocol: 'tcp',
      connectAttributes: { mode: 'memory', cache: 'private' },
      maxConns: 1,
      maxIdleConns: 1,
      maxConnLifetime: '1h',
    },
  };
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

/** With an authorizer, the server's own services reach the frontend API through internal-frontend (internode mTLS). */
export function serviceNames(authorizer: boolean): string[] {
  return ['frontend', ...(authorizer ? ['internal-frontend'] : []), 'history', 'matching', 'worker'];
}

/**
 * The server's config for one run: every service in one process, SQLite in memory (the schema
 * is created on first connect), loopback only, no metrics or pprof listener. JSON is valid
 * YAML, so the object is written as JSON.
 */
export function serverConfig({
  ports,
  dynamicConfigFile,
  tls,
  jwksUrl,
  logLevel = 'warn',
}: ServerConfigOptions): Record<string, unknown> {
  return {
    log: { stdout: true, level: logLevel, format: 'json' },
    persistence: {
      defaultStore: 'sqlite-default',
      visibilityStore: 'sqlite-visibility',
      numHistoryShards: 1,
      datastores: { 'sqlite-default': sqliteStore(), 'sqlite-visibility': sqliteStore() },
    },
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: LOOPBACK },
      pprof: { port: 0 },
      ...(tls ? { tls: tlsConfig(tls) } : {}),
      ...(jwksUrl ? { authorization: authorizationConfig(jwksUrl) } : {}),
    },
    services: {
      frontend: service(ports.frontend, ports.frontendMembership, { httpPort: ports.frontendHttp }),
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
