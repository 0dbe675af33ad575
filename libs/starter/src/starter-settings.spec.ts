import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { starterAddress, StarterSettingError } from './starter-settings';

describe('starterAddress', () => {
  let appDir: string;
  beforeEach(() => (appDir = mkdtempSync(join(tmpdir(), 'starter-'))));
  afterEach(() => rmSync(appDir, { recursive: true, force: true }));

  it('defaults to loopback port 3000', () => {
    expect(starterAddress(appDir, {})).toEqual({ host: '127.0.0.1', port: 3000 });
  });

  it('reads STARTER_PORT from the app .env, the environment winning', () => {
    writeFileSync(join(appDir, '.env'), 'STARTER_PORT=4000\n');
    expect(starterAddress(appDir, {}).port).toBe(4000);
    expect(starterAddress(appDir, { STARTER_PORT: '5000' }).port).toBe(5000);
  });

  it('refuses a port that is not one, naming where it came from', () => {
    expect(() => starterAddress(appDir, { STARTER_PORT: 'web' })).toThrow(StarterSettingError);
    expect(() => starterAddress(appDir, { STARTER_PORT: 'web' })).toThrow(
      /STARTER_PORT \(from process environment\) is "web", not a TCP port/,
    );
  });
});
