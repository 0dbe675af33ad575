import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

const REQUIRE = /\brequire\((["'])([^"'./][^"']*)\1\)/g;
const BUILTINS = new Set(builtinModules);

/** `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The packages compiled CommonJS files load by bare name (Node's built-ins left out). */
export function requiredPackages(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(REQUIRE)) {
      const specifier = match[2];
      if (specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0])) continue;
      names.add(packageNameOf(specifier));
    }
  }
  return names;
}
