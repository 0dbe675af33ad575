import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../cli/errors';
import { tokenAction } from './action';

describe('tools:token --write-env', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'token-action-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const mint = (writeEnv: string) =>
    tokenAction(
      { namespace: 'x', role: 'read', ttl: '1h', 'write-env': writeEnv, 'certs-dir': join(dir, 'certs') },
      [],
    );

  it('refuses a folder, naming the env file to give instead, before making a signing key', async () => {
    await expect(mint(dir)).rejects.toThrow(UsageError);
    await expect(mint(dir)).rejects.toThrow(`--write-env ${dir} is a folder.`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a file in a folder that does not exist', async () => {
    await expect(mint(join(dir, 'nope', '.env.local'))).rejects.toThrow(
      `the folder ${join(dir, 'nope')} does not exist`,
    );
  });

  it('writes TEMPORAL_API_KEY into a new file in an existing folder', async () => {
    await mint(join(dir, '.env.local'));
    expect(readdirSync(dir).sort()).toEqual(['.env.local', 'certs']);
  });
});
