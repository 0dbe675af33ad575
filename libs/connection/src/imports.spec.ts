import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const modules = readdirSync(__dirname, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));

const VALUE_IMPORT = /^(?:import|export)\s+(?!type\b)[^;]*?from '([^']+)'/gms;

const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** The packages a module loads when required: its value imports, and theirs through the library's own files. */
function packagesLoadedBy(entry: string): string[] {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, target] of readFileSync(file, 'utf8').matchAll(VALUE_IMPORT)) {
      if (target.startsWith('.')) visit(`${join(dirname(file), target)}.ts`);
      else packages.add(packageOf(target));
    }
  };
  visit(join(__dirname, entry));
  return [...packages];
}

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

  it("keep the SDK's worker package out of the index, so a client-only process (a starter, a tool) never loads it", () => {
    expect(packagesLoadedBy('index.ts')).not.toContain('@temporalio/worker');
    expect(packagesLoadedBy('worker.ts')).toContain('@temporalio/worker');
  });
});
