import type { DataConverter } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { MissingSettingError } from '../errors/profile-errors';
import { withContext } from '../errors/failure-context';
import type { Profile } from '../profile/profile';
import { checkNamespace, connectOrExplain, dataConverter } from './connect';
import { connectionOptions } from './connection-options';

export interface WorkerConnection {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dataConverter: DataConverter;
}

/** What `Worker.create` needs to reach the cluster; spread it into the worker's options. */
export async function connectWorker(profile: Profile): Promise<WorkerConnection> {
  const { taskQueue } = profile;
  try {
    if (!taskQueue) throw new MissingSettingError('TEMPORAL_TASK_QUEUE', ['the profile'], 'my-task-queue');
    const connection = await connectOrExplain(profile, () => NativeConnection.connect(connectionOptions(profile)));
    await checkNamespace(connection, profile);
    return { connection, namespace: profile.namespace, taskQueue, dataConverter: dataConverter(profile) };
  } catch (error) {
    throw withContext(error, { app: profile.app, profile });
  }
}
