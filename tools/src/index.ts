export { startLocalCluster, type LocalCluster, type LocalClusterOptions } from './cluster/local-cluster';
export { ensureServerBinary } from './cluster/server-binary';
export { ensureNamespace, type NamespaceOutcome } from './namespaces/ensure-namespace';
export { startApp, appDir, type AppRun } from './apps/app-process';
