import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const appDir = join(__dirname, '..');
const sources = readdirSync(__dirname).filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'));

describe('the app as a template', () => {
  it.each(sources)('%s never names its own folder, so a copy works as it is', (file) => {
    expect(readFileSync(join(__dirname, file), 'utf8')).not.toContain(`apps/${basename(appDir)}`);
  });

  it('.env uses only standard Temporal names', () => {
    const names = readFileSync(join(appDir, '.env'), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.split('=')[0]);
    expect(names.every((name) => name.startsWith('TEMPORAL_'))).toBe(true);
  });
});
