import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectConnection, loadProfile } from '@temporal-samples/connection';
import type { Connection } from '@temporalio/client';
import { ServerStartError } from '../cli/errors';
import { ensureNamespace, type NamespaceOutcome } from '../namespaces/ensure-namespace';
import { dynamicConfig, serverConfig } from './server-config';
import type { ClusterTlsFiles } from './tls-config';
import { freePorts, isListening, standardPorts, type ServerPorts } from './ports';
import { ensureServerBinary } from './server-binary';
import { logTail, spawnServer, stopServer, type ServerProcess } from './server-process';

const READY_WITHIN_MS = 60_000;
const SERVING = 1;
const WORKFLOW_SERVICE = 'temporal.api.workflowservice.v1.WorkflowService';

export interface LocalClusterOptions {
  /** The frontend port; by default every service gets a free port. */
  frontendPort?: number;
  namespaces: string[];
  /** Mutual TLS on the frontend and between the cluster's services; plaintext without it. */
  tls?: ClusterTlsFiles;
  /** A server binary to use as is; by default it is found or built (see server-binary.ts). */
  binary?: string;
  onProgress?: (message: string) => void;
}

export interface LocalCluster {
  address: string;
  tls?: ClusterTlsFiles;
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

/** Connects as soon as the frontend listens and returns once it reports SERVING. */
async function connectWhenServing(address: string, server: ServerProcess, ports: ServerPorts, tls?: ClusterTlsFiles): Promise<Connection> {
  const deadline = Date.now() + READY_WITHIN_MS;
  let exitCode: number | null | undefined;
  void server.exited.then((code) => (exitCode = code));
  let connection: Connection | undefined;
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
      connection ??= await connectConnection(adminProfile(address, tls));
      const health = await connection.healthService.check({ service: WORKFLOW_SERVICE });
      if (health.status === SERVING) return connection;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  await connection?.close().catch(() => undefined);
  throw startFailure(server, `did not answer within ${READY_WITHIN_MS / 1000} s`, ports);
}

/** Reaches the new server the way users do, through libs/connection; over mTLS with the system worker's certificate. */
function adminProfile(address: string, tls: ClusterTlsFiles | undefined) {
  const tlsEnv = tls
    ? {
        TEMPORAL_TLS_CLIENT_CERT_PATH: tls.systemWorkerCert,
        TEMPORAL_TLS_CLIENT_KEY_PATH: tls.systemWorkerKey,
        TEMPORAL_TLS_SERVER_CA_CERT_PATH: tls.serverCa,
        TEMPORAL_TLS_SERVER_NAME: tls.serverName,
      }
    : {};
  return loadProfile({
    env: { TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: 'temporal-system', ...tlsEnv },
    useConfigFile: false,
  });
}

/** Starts a real Temporal server on loopback, waits until it serves, and registers the namespaces. */
export async function startLocalCluster(options: LocalClusterOptions): Promise<LocalCluster> {
  const say = options.onProgress ?? (() => undefined);
  const binary = options.binary ?? (await ensureServerBinary());
  const ports = options.frontendPort ? standardPorts(options.frontendPort) : await freePorts();
  const runDir = mkdtempSync(join(tmpdir(), 'temporal-local-'));
  const configFile = join(runDir, 'config.yaml');
  const dynamicConfigFile = join(runDir, 'dynamic-config.yaml');
  writeFileSync(dynamicConfigFile, JSON.stringify(dynamicConfig(), null, 2));
  writeFileSync(configFile, JSON.stringify(serverConfig({ ports, dynamicConfigFile, tls: options.tls }), null, 2));

  const mode = options.tls ? 'with mutual TLS (frontend and internode)' : 'without TLS';
  say(`Starting the Temporal server ${mode} on 127.0.0.1:${ports.frontend} (log: ${join(runDir, 'server.log')})`);
  const started = Date.now();
  const server = spawnServer(binary, configFile, join(runDir, 'server.log'));
  const address = `127.0.0.1:${ports.frontend}`;
  let connection: Connection | undefined;
  try {
    connection = await connectWhenServing(address, server, ports, options.tls);
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
      ports,
      logFile: server.logFile,
      namespaces,
      async stop() {
        await stopServer(server);
        rmSync(runDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await connection?.close().catch(() => undefined);
    await stopServer(server);
    throw error;
  }
}
