import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEGACY_ALIASES, settingFor } from '@temporal-samples/connection/tools';
import { WORKSPACE_ROOT } from './app-process';

const appsDir = join(WORKSPACE_ROOT, 'apps');
const apps = readdirSync(appsDir).filter((name) => existsSync(join(appsDir, name, 'src', 'worker.ts')));
const sourcesOf = (app: string) =>
  readdirSync(join(appsDir, app, 'src'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .map((file) => [app, file] as const);

/** Where an app's profile name is read, per the settings catalogue; undefined for a name nothing reads. */
const readerOf = (name: string) => settingFor(name)?.readBy;

describe('every app works as a template', () => {
  it.each(apps.flatMap(sourcesOf))(
    'apps/%s/src/%s never names its own folder, so a copy works as it is',
    (app, file) => {
      expect(readFileSync(join(appsDir, app, 'src', file), 'utf8')).not.toContain(`apps/${app}`);
    },
  );

  it.each(apps)('apps/%s/.env (or its .env.example) uses only current names from the settings catalogue', (app) => {
    const profileFile = ['.env', '.env.example'].find((file) => existsSync(join(appsDir, app, file)));
    expect(profileFile).toBeDefined();
    const names = readFileSync(join(appsDir, app, profileFile as string), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.split('=')[0]);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(Object.keys(LEGACY_ALIASES)).not.toContain(name);
      expect({ name, readBy: readerOf(name) }).toEqual({ name, readBy: expect.any(String) });
      expect({ name, readBy: readerOf(name) }).not.toEqual({ name, readBy: 'tools' });
    }
  });

  it('every app has the same Dockerfile, which names no app: the app is the APP build argument', () => {
    const dockerfiles = apps.map((app) => readFileSync(join(appsDir, app, 'Dockerfile'), 'utf8'));
    expect(new Set(dockerfiles).size).toBe(1);
    for (const app of apps) expect(dockerfiles[0]).not.toContain(app);
  });
});
