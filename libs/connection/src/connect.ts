import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { namespaceError, toConnectError } from './connect-errors';
import { connectionOptions } from './connection-options';
import { MissingSettingError, UnreachableServerError } from './errors';
import type { Profile } from './profile';

/** An unreachable or silent server fails the connect within this bound. */
export const CONNECT_TIMEOUT_MS = 10_000;

interface DescribesNamespaces {
  workflowService: { describeNamespace(request: { namespace: string }): Promise<unknown> };
}

async function withinBound<T>(address: string, attempt: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new UnreachableServerError(address, `no answer within ${CONNECT_TIMEOUT_MS / 1000} s`)),
      CONNECT_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([attempt(), timeout]);
  } catch (error) {
    throw toConnectError(error, address);
  } finally {
    clearTimeout(timer);
  }
}

async function checkNamespace(connection: DescribesNamespaces, profile: Profile): Promise<void> {
  try {
    await connection.workflowService.describeNamespace({ namespace: profile.namespace });
  } catch (error) {
    throw namespaceError(error, profile.namespace, profile.address);
  }
}

export interface ConnectClientOptions {
  /** Tools that create the namespace turn this off; apps keep it on to fail fast. */
  checkNamespace?: boolean;
}

/** A raw gRPC connection to the profile's server, for tools; apps use connectClient. */
export async function connectConnection(profile: Profile): Promise<Connection> {
  return withinBound(profile.address, () =>
    Connection.connect({ ...connectionOptions(profile), connectTimeout: CONNECT_TIMEOUT_MS }),
  );
}

/** A connected Client for the profile's namespace; fails fast if the server or namespace is not there. */
export async function connectClient(profile: Profile, options: ConnectClientOptions = {}): Promise<Client> {
  const connection = await connectConnection(profile);
  if (options.checkNamespace !== false) {
    await withinBound(profile.address, () => checkNamespace(connection, profile)).catch(async (error: unknown) => {
      await connection.close();
      throw error;
    });
  }
  return new Client({ connection, namespace: profile.namespace });
}

export interface WorkerConnection {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
}

/** What `Worker.create` needs to reach the cluster; spread it into the worker's options. */
export async function connectWorker(profile: Profile): Promise<WorkerConnection> {
  const { taskQueue } = profile;
  if (!taskQueue) throw new MissingSettingError('TEMPORAL_TASK_QUEUE', ['the profile'], 'my-task-queue');
  return withinBound(profile.address, async () => {
    const connection = await NativeConnection.connect(connectionOptions(profile));
    await checkNamespace(connection, profile);
    return { connection, namespace: profile.namespace, taskQueue };
  });
}
