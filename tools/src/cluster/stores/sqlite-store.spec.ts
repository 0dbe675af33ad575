import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryStore, sqliteFileStore } from './sqlite-store';

describe('SQLite stores', () => {
  it('in memory: one connection that is never recycled, since closing it would empty the database', () => {
    const { datastores } = memoryStore();
    for (const store of [datastores.default, datastores.visibility]) {
      expect(store).toMatchObject({ sql: { connectAttributes: { mode: 'memory' }, maxConns: 1 } });
      expect(store).not.toHaveProperty('sql.maxConnLifetime');
    }
  });

  it('in files: WAL journal and a pool of connections that are renewed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlite-store-'));
    try {
      const { datastores } = sqliteFileStore(dir);
      expect(datastores.default).toMatchObject({
        sql: {
          databaseName: join(dir, 'temporal.db'),
          connectAttributes: { journal_mode: 'wal' },
          maxConnLifetime: '1h',
        },
      });
      expect((datastores.default as { sql: { maxConns: number } }).sql.maxConns).toBeGreaterThan(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
