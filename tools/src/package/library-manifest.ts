import { omit } from './omit';

type Exports = string | { [condition: string]: Exports };

/** Conditions only the workspace uses: `development` points at TypeScript sources, `types` at declarations. */
const WORKSPACE_ONLY_CONDITIONS = new Set(['development', 'types']);

function runtimeExports(exports: Exports): Exports {
  if (typeof exports === 'string') return exports;
  return Object.fromEntries(
    Object.entries(exports)
      .filter(([condition]) => !WORKSPACE_ONLY_CONDITIONS.has(condition))
      .map(([condition, target]) => [condition, runtimeExports(target)]),
  );
}

/** A workspace library's package.json as production loads it: built JavaScript only, no Nx or dev fields. */
export function libraryManifest(manifest: Record<string, unknown>): Record<string, unknown> {
  const rest = omit(manifest, ['nx', 'devDependencies', 'types']);
  return rest.exports === undefined ? rest : { ...rest, exports: runtimeExports(rest.exports as Exports) };
}
