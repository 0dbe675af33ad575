import { appDir, startApp, type AppRun } from '../apps/app-process';
import { requireRunnableApp } from '../apps/workspace-root';
import type { CommandAction } from '../cli/command';
import { progress } from '../cli/progress';
import { clusterTlsForProfile, loadProfileMakingCerts } from '../cluster/cluster-for-profile';
import { startLocalCluster, type LocalCluster } from '../cluster/local-cluster';
import type { DEMO_COMMAND } from './args';

const echo = (prefix: string) => (line: string) => console.log(`[${prefix}] ${line}`);

/**
 * `npm run demo`: a real local server, the app's worker, its client starter, the result,
 * and everything stopped again. `--app <name>` picks another app.
 */
export const demoAction: CommandAction<typeof DEMO_COMMAND> = async ({ app }) => {
  requireRunnableApp(app);
  const profile = await loadProfileMakingCerts({ envDir: appDir(app), requireTaskQueue: true }, progress);
  progress(`Demo of apps/${app}: namespace "${profile.namespace}", task queue "${profile.taskQueue}"`);

  let cluster: LocalCluster | undefined;
  let worker: AppRun | undefined;
  try {
    cluster = await startLocalCluster({
      namespaces: [profile.namespace],
      tls: clusterTlsForProfile(profile),
      onProgress: progress,
    });
    const env = { TEMPORAL_ADDRESS: cluster.address };
    progress('Starting the worker...');
    worker = startApp(app, 'worker', { env, onLine: echo('worker') });
    await worker.waitFor(/Worker polling/);
    progress('Running the client starter...');
    const client = startApp(app, 'client', { env, onLine: echo('client') });
    const code = await client.exited;
    if (code !== 0) throw new Error(`the client exited with code ${code}`);
  } finally {
    progress('Stopping the worker and the server...');
    await worker?.stop('SIGINT');
    await cluster?.stop();
  }
  progress('Demo finished.');
};
