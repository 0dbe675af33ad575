import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProfile } from './load-profile';

describe('blank values', () => {
  let appDir: string;
  beforeEach(() => {
    appDir = mkdtempSync(join(tmpdir(), 'blank-'));
    writeFileSync(
      join(appDir, '.env'),
      'TEMPORAL_ADDRESS=localhost:7233\nTEMPORAL_NAMESPACE=samples\nTEMPORAL_API_KEY=from-dotenv\n',
    );
  });
  afterEach(() => rmSync(appDir, { recursive: true, force: true }));

  const load = (env: Record<string, string>) =>
    loadProfile({ envDir: appDir, env: { HOME: appDir, ...env }, useConfigFile: false });

  it('a blank variable in the environment hides the value .env gives', () => {
    const profile = load({ TEMPORAL_API_KEY: '' });
    expect(profile.apiKey).toBeUndefined();
    expect(profile.tls).toBeUndefined();
  });

  it('a blank line in .env counts as not set', () => {
    writeFileSync(
      join(appDir, '.env'),
      'TEMPORAL_ADDRESS=localhost:7233\nTEMPORAL_NAMESPACE=samples\nTEMPORAL_API_KEY=\n',
    );
    expect(load({}).tls).toBeUndefined();
  });
});
