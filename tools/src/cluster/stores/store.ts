export type StoreKind = 'memory' | 'sqlite' | 'postgres';
export const STORE_KINDS: readonly StoreKind[] = ['memory', 'sqlite', 'postgres'];

/** Where a cluster keeps its data. */
export type StoreOptions =
  | { kind: 'memory' }
  /** SQLite files in `dir`: kept across restarts. */
  | { kind: 'sqlite'; dir: string }
  /** A PostgreSQL cluster the tools own in `dir` (initdb once, started and stopped with the cluster), or the server at `url`. */
  | { kind: 'postgres'; dir: string; url?: string };

/** The store of one cluster run: the server config's datastores, and how to release it. */
export interface ClusterStore {
  kind: StoreKind;
  /** For people: e.g. `SQLite files in tmp/clusters/plain`. */
  description: string;
  datastores: { default: Record<string, unknown>; visibility: Record<string, unknown> };
  /** Several server processes can use it at once (not so for SQLite in memory). */
  sharedAcrossProcesses: boolean;
  close(): Promise<void>;
}
