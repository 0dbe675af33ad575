import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProfile } from '@temporal-samples/connection';
import { connectConnection } from '@temporal-samples/connection/tools';
import type { Connection } from '@temporalio/client';
import { ServerStartError } from '../cli/errors';
import { ensureNamespace, type NamespaceOutcome } from '../namespaces/ensure-namespace';
import { startJwksServer, type JwksServer } from '../tokens/jwks-server';
import { mintToken } from '../tokens/mint-token';
import type { SigningKey } from '../tokens/signing-key';
import { freePorts, isListening, standardPorts, type ServerPorts } from './ports';
import { ensureServerBinary } from './server-binary';
import { dynamicConfig, serverConfig, serviceNames } from './server-config';
import { logTail, spawnServer, stopServer, type ServerProcess } from './server-process';
import type { ClusterTlsFiles } from './tls-config';

const READY_WITHIN_MS = 60_000;
const SERVING = 1;
const WORKFLOW_SERVICE = 'temporal.api.workflowservice.v1.WorkflowService';
const ADMIN_TOKEN_SECONDS = 10 * 60;

export interface LocalClusterOptions {
  /** The frontend port; by default every service gets a free port. */
  frontendPort?: number;
  /** Every service's port, e.g. a stopped cluster's, to start it again where its clients look for it. */
  ports?: ServerPorts;
  namespaces: string[];
  /** Mutual TLS on the frontend and between the cluster's services; plaintext without it. */
  tls?: ClusterTlsFiles;
  /** Bearer tokens signed by this key are required and checked per namespace (needs tls). */
  tokenSigningKey?: SigningKey;
  /** A server binary to use as is; by default it is found or built (see server-binary.ts). */
  binary?: string;
  /** Dynamic config entries on top of the defaults, e.g. `frontend.keepAliveMaxConnectionAge`. */
  dynamicConfig?: Record<string, unknown>;
  onProgress?: (message: string) => void;
}

export interface LocalCluster {
  address: string;
  tls?: ClusterTlsFiles;
  jwksUrl?: string;
  ports: ServerPorts;
  logFile: string;
  namespaces: Record<string, NamespaceOutcome>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startFailure(server: ServerProcess, reason: string, ports: ServerPorts): ServerStartError {
  return new ServerStartError(
    `The Temporal server ${reason}. Last lines of ${server.logFile}:\n${logTail(server.logFile)}`,
    `if a port is in use (frontend ${ports.frontend}), stop the other server or choose another port.`,
  );
}

/** Reaches the new server the way users do, through libs/connection: mTLS with the system worker's certificate, and an admin token when tokens are required. */
function adminProfile(address: string, tls: ClusterTlsFiles | undefined, signingKey: SigningKey | undefined) {
  const tlsEnv = tls
    ? {
        TEMPORAL_TLS_CLIENT_CERT_PATH: tls.systemWorkerCert,
        TEMPORAL_TLS_CLIENT_KEY_PATH: tls.systemWorkerKey,
        TEMPORAL_TLS_SERVER_CA_CERT_PATH: tls.serverCa,
        TEMPORAL_TLS_SERVER_NAME: tls.serverName,
      }
    : {};
  const tokenEnv = signingKey
    ? {
        TEMPORAL_API_KEY: mintToken(signingKey, {
          namespace: 'temporal-system',
          role: 'admin',
          ttlSeconds: ADMIN_TOKEN_SECONDS,
        }),
      }
    : {};
  return loadProfile({
    env: { TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: 'temporal-system', ...tlsEnv, ...tokenEnv },
    useConfigFile: false,
    onNotice: () => undefined,
  });
}

/** Connects as soon as the frontend listens and returns once it reports SERVING. */
async function connectWhenServing(
  server: ServerProcess,
  ports: ServerPorts,
  profile: ReturnType<typeof adminProfile>,
): Promise<Connection> {
  const deadline = Date.now() + READY_WITHIN_MS;
  let exitCode: number | null | undefined;
  void server.exited.then((code) => (exitCode = code));
  let connection: Connection | undefined;
  let lastError = '';
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      await connection?.close().catch(() => undefined);
      throw startFailure(server, `exited with code ${exitCode} while starting`, ports);
    }
    try {
      if (!connection && !(await isListening(ports.frontend))) {
        await sleep(50);
        continue;
      }
      connection ??= await connectConnection(profile);
      const health = await connection.healthService.check({ service: WORKFLOW_SERVICE });
      if (health.status === SERVING) return connection;
    } catch (error) {
      lastError = error instanceof Error ? error.message.split('\n')[0] : String(error);
    }
    await sleep(200);
  }
  await connection?.close().catch(() => undefined);
  const reason = lastError ? ` (last error: ${lastError})` : '';
  throw startFailure(server, `did not answer within ${READY_WITHIN_MS / 1000} s${reason}`, ports);
}

function describeMode(options: LocalClusterOptions): string {
  if (options.tokenSigningKey) return 'cloud-like (mutual TLS, bearer tokens checked per namespace)';
  return options.tls ? 'with mutual TLS (frontend and internode)' : 'without TLS';
}

/** Starts a real Temporal server on loopback, waits until it serves, and registers the namespaces. */
export async function startLocalCluster(options: LocalClusterOptions): Promise<LocalCluster> {
  const say = options.onProgress ?? (() => undefined);
  if (options.tokenSigningKey && !options.tls) {
    throw new ServerStartError('Token checks need TLS on the cluster.', 'pass tls together with tokenSigningKey.');
  }
  const binary = options.binary ?? (await ensureServerBinary());
  const ports = options.ports ?? (options.frontendPort ? standardPorts(options.frontendPort) : await freePorts());
  const runDir = mkdtempSync(join(tmpdir(), 'temporal-local-'));
  const jwks: JwksServer | undefined = options.tokenSigningKey
    ? await startJwksServer([options.tokenSigningKey])
    : undefined;
  const configFile = join(runDir, 'config.yaml');
  const dynamicConfigFile = join(runDir, 'dynamic-config.yaml');
  writeFileSync(dynamicConfigFile, JSON.stringify({ ...dynamicConfig(), ...options.dynamicConfig }, null, 2));
  const config = serverConfig({ ports, dynamicConfigFile, tls: options.tls, jwksUrl: jwks?.url });
  writeFileSync(configFile, JSON.stringify(config, null, 2));

  say(
    `Starting the Temporal server ${describeMode(options)} on 127.0.0.1:${ports.frontend} (log: ${join(runDir, 'server.log')})`,
  );
  const started = Date.now();
  const server = spawnServer(binary, configFile, join(runDir, 'server.log'), serviceNames(jwks !== undefined));
  const address = `127.0.0.1:${ports.frontend}`;
  const stopAll = async () => {
    await stopServer(server);
    await jwks?.close();
  };
  let connection: Connection | undefined;
  try {
    connection = await connectWhenServing(server, ports, adminProfile(address, options.tls, options.tokenSigningKey));
    say(`Server ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const namespaces: Record<string, NamespaceOutcome> = {};
    for (const namespace of options.namespaces) {
      namespaces[namespace] = await ensureNamespace(connection, namespace);
      say(`Namespace "${namespace}" ${namespaces[namespace]}`);
    }
    await connection.close();
    return {
      address,
      tls: options.tls,
      jwksUrl: jwks?.url,
      ports,
      logFile: server.logFile,
      namespaces,
      async stop() {
        await stopAll();
        rmSync(runDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await connection?.close().catch(() => undefined);
    await stopAll();
    throw error;
  }
}
