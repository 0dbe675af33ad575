import { loadProfile } from '@temporal-samples/connection';
import { connectConnection, hostAndPort } from '@temporal-samples/connection/tools';
import type { Connection } from '@temporalio/client';
import { ServerStartError } from '../cli/errors';
import { mintToken } from '../tokens/mint-token';
import type { SigningKey } from '../tokens/signing-key';
import { isListening } from './ports';
import { logTail, type ServerProcess } from './server-process';
import type { ClusterTlsFiles } from './tls-config';

const READY_WITHIN_MS = 60_000;
const SERVING = 1;
const WORKFLOW_SERVICE = 'temporal.api.workflowservice.v1.WorkflowService';
const ADMIN_TOKEN_SECONDS = 10 * 60;

export interface NamedServerProcess extends ServerProcess {
  name: string;
  services: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startFailure(server: ServerProcess, reason: string, port: number): ServerStartError {
  return new ServerStartError(
    `The Temporal server ${reason}. Last lines of ${server.logFile}:\n${logTail(server.logFile)}`,
    `if a port is in use (frontend ${port}), stop the other server or choose another port.`,
  );
}

/** Reaches the new server the way users do, through libs/connection: mTLS with the system worker's certificate, and an admin token when tokens are required. */
export function adminProfile(address: string, tls: ClusterTlsFiles | undefined, signingKey: SigningKey | undefined) {
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

/** Connects as soon as the frontend listens and returns once it reports SERVING; fails if any of the processes exits meanwhile. */
export async function connectWhenServing(
  processes: NamedServerProcess[],
  profile: ReturnType<typeof adminProfile>,
): Promise<Connection> {
  const port = hostAndPort(profile.address).port;
  const deadline = Date.now() + READY_WITHIN_MS;
  let exited: { process: NamedServerProcess; code: number | null } | undefined;
  for (const process of processes) void process.exited.then((code) => (exited ??= { process, code }));
  let connection: Connection | undefined;
  let lastError = '';
  while (Date.now() < deadline) {
    if (exited) {
      await connection?.close().catch(() => undefined);
      throw startFailure(
        exited.process,
        `(${exited.process.name}) exited with code ${exited.code} while starting`,
        port,
      );
    }
    try {
      if (!connection && !(await isListening(port))) {
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
  throw startFailure(
    processes[0],
    `did not answer on ${profile.address} within ${READY_WITHIN_MS / 1000} s${reason}`,
    port,
  );
}

/**
 * Returns once the process listens on `port`. A server process opens its ports only after it has
 * written the cluster's metadata to the store, so processes started after this one never race it
 * to create that row.
 */
export async function listeningOn(process: NamedServerProcess, port: number): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS;
  let exitCode: number | null | undefined;
  void process.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined)
      throw startFailure(process, `(${process.name}) exited with code ${exitCode} while starting`, port);
    if (await isListening(port)) return;
    await sleep(50);
  }
  throw startFailure(
    process,
    `(${process.name}) did not listen on port ${port} within ${READY_WITHIN_MS / 1000} s`,
    port,
  );
}
