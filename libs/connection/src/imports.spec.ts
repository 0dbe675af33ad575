import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const modules = readdirSync(__dirname, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));

describe('imports inside the library', () => {
  // A build output left from before a file became a folder (dist/errors.js beside dist/errors/) would win over it.
  it('name files, never folders', () => {
    const folderImports = modules.flatMap((file) =>
      [...readFileSync(join(__dirname, file), 'utf8').matchAll(/from '(\.\.?\/[^']*)'/g)]
        .map(([, target]) => target)
        .filter((target) => !existsSync(`${join(dirname(join(__dirname, file)), target)}.ts`))
        .map((target) => `${file} -> ${target}`),
    );
    expect(folderImports).toEqual([]);
  });
});
