import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SRC = join(__dirname, '..');
const VALUE_IMPORT = /^import\s+(?!type\b)[^;]*?from '([^']+)'/gms;

/** Every module that runs a command: each tool's cli.ts and the benchmarks. */
const entryPoints = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
  (file) =>
    file.endsWith('.ts') && !file.endsWith('.spec.ts') && /^runCommand\(/m.test(readFileSync(join(SRC, file), 'utf8')),
);

describe("the tools' entry points", () => {
  it('are found', () => {
    expect(entryPoints).toEqual(expect.arrayContaining(['doctor/cli.ts', 'certs/cli.ts', 'bench/codec.ts']));
    expect(entryPoints.length).toBeGreaterThanOrEqual(15);
  });

  it.each(entryPoints)(
    '%s loads only the command layer and its command spec, and its action when it runs, so --help answers at once',
    (file) => {
      const text = readFileSync(join(SRC, file), 'utf8');
      const imports = [...text.matchAll(VALUE_IMPORT)].map(([, from]) => from);
      expect(imports.filter((from) => !/^(\.\.\/)+cli\/command$|^\.\/([\w-]+\/)?args$/.test(from))).toEqual([]);
      expect(text).toMatch(/await import\('\.\/([\w-]+\/)?action\.js'\)/);
    },
  );
});
