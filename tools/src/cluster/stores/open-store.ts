import { postgresStore } from './postgres-store';
import { memoryStore, sqliteFileStore } from './sqlite-store';
import type { ClusterStore, StoreOptions } from './store';

export async function openStore(options: StoreOptions, onProgress: (message: string) => void): Promise<ClusterStore> {
  switch (options.kind) {
    case 'memory':
      return memoryStore();
    case 'sqlite':
      return sqliteFileStore(options.dir);
    case 'postgres':
      return postgresStore(options, onProgress);
  }
}
