import { join } from 'node:path';
import { startLocalCluster } from '../../cluster/local-cluster';
import type { StoreKind, StoreOptions } from '../../cluster/stores/store';
import type { ClusterTlsFiles } from '../../cluster/tls-config';
import { startDevServer } from './dev-server';
import type { BenchConfig } from './matrix';

export interface BenchServer {
  address: string;
  stop(): Promise<void>;
}

/** Rows that run on the same server: mTLS and mTLS+codec differ only in the client and worker. */
export const serverOf = (row: BenchConfig) =>
  row.server === 'start-dev' ? 'start-dev' : `local ${row.security === 'plain' ? 'plain' : 'mTLS'} ${row.store}`;

function storeIn(kind: StoreKind, dir: string): StoreOptions {
  return kind === 'memory' ? { kind } : { kind, dir };
}

export interface ServerSetup {
  namespace: string;
  tls: ClusterTlsFiles;
  /** Kept stores live in a folder per server here, reused from one round to the next. */
  dataDir: string;
}

/** Starts the server a row runs on, on free loopback ports: a local cluster, or `temporal server start-dev`. */
export async function startBenchServer(row: BenchConfig, setup: ServerSetup): Promise<BenchServer> {
  if (row.server === 'start-dev') return startDevServer(setup.namespace);
  const mtls = row.security !== 'plain';
  return startLocalCluster({
    namespaces: [setup.namespace],
    tls: mtls ? setup.tls : undefined,
    store: storeIn(row.store, join(setup.dataDir, serverOf(row).replace(/ /g, '-'))),
  });
}
