import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { WORKSPACE_ROOT } from './app-process';
import { DEPLOYMENT_TARGETS } from './deployment-targets';

const [first, ...others] = Object.values(DEPLOYMENT_TARGETS).map((target): string => target.templateApp);

/** Every file under apps/<app>/src, by path relative to it, with its content. */
function sourceTree(app: string): Record<string, string> {
  const root = join(WORKSPACE_ROOT, 'apps', app, 'src');
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(
    files
      .map((entry) => join(entry.parentPath, entry.name))
      .map((path) => [relative(root, path), readFileSync(path, 'utf8')] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

describe('the template apps', () => {
  it.each(others)(
    `apps/%s/src is apps/${first}/src file for file, byte for byte (the generator and a hand copy rely on it)`,
    (app) => {
      const expected = sourceTree(first);
      const actual = sourceTree(app);
      expect(Object.keys(actual)).toEqual(Object.keys(expected));
      for (const file of Object.keys(expected))
        expect({ file, content: actual[file] }).toEqual({ file, content: expected[file] });
    },
  );
});
