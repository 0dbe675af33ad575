import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { PackageError } from './errors';
import { copyInto, javascriptFiles, nativeAddons } from './files';
import { libraryManifest } from './library-manifest';
import { productionClosure, productionEntry, readLockfile, resolveIn, type LockEntry } from './lockfile';
import { requiredPackages } from './requires';

/** The workflow bundle is webpack output that needs no package at run time; it is copied, not scanned. */
export const WORKFLOW_BUNDLE = 'workflow-bundle.js';
const ENTRY_POINTS = ['worker', 'client', 'starter', 'server'];

export interface PackageOptions {
  workspaceRoot: string;
  appDir: string;
  outDir: string;
}

export interface PackageResult {
  name: string;
  outDir: string;
  dependencies: Record<string, string>;
  libraries: string[];
  files: number;
  /** Native addons copied with their libraries, relative to the package. */
  addons: string[];
  lockedPackages: number;
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const writeJson = (file: string, value: unknown) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

const projectName = (appDir: string) => String(readJson(join(appDir, 'project.json')).name ?? basename(appDir));

function requireBuilt(dir: string, what: string, fix: string): void {
  if (!existsSync(dir)) throw new PackageError(`${what} has no build output (${dir} is missing).`, fix);
}

/**
 * Writes the production folder of one app: its built JavaScript and workflow bundle, the workspace
 * libraries it loads (built JavaScript, as npm workspaces at their workspace paths), a package.json with the
 * exact versions the workspace runs, and a package-lock.json cut from the workspace's own, so
 * `npm ci --omit=dev` in that folder installs exactly what the tests run.
 */
export function buildPackage({ workspaceRoot, appDir, outDir }: PackageOptions): PackageResult {
  if (!existsSync(join(appDir, 'project.json'))) {
    throw new PackageError(
      `${appDir} is not an app folder (it has no project.json).`,
      'pass the folder of an app, e.g. --app-dir apps/local-mtls.',
    );
  }
  const name = projectName(appDir);
  const appDist = join(appDir, 'dist');
  requireBuilt(appDist, `apps/${basename(appDir)}`, `build it first: npx nx run ${name}:build`);
  const lock = readLockfile(workspaceRoot);

  const appFiles = javascriptFiles(appDist, [outDir]);
  const required = [...requiredPackages(appFiles.filter((file) => basename(file) !== WORKFLOW_BUNDLE))].sort();
  for (const dependency of required) {
    if (!resolveIn(lock, '', dependency)) {
      throw new PackageError(
        `The built code of ${name} loads "${dependency}", which package-lock.json does not have.`,
        `add it to the workspace: npm install --save-exact ${dependency}`,
      );
    }
  }
  const locations = productionClosure(lock, required);
  const libraries = [...locations].filter((location) => !location.includes('node_modules/')).sort();

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  copyInto(appFiles, appDir, outDir);
  let files = appFiles.length;
  const addons: string[] = [];
  for (const library of libraries) {
    const libraryDist = join(workspaceRoot, library, 'dist');
    requireBuilt(libraryDist, library, `build it first: npx nx run ${name}:build`);
    const libraryFiles = javascriptFiles(libraryDist);
    const libraryAddons = nativeAddons(join(workspaceRoot, library));
    copyInto([...libraryFiles, ...libraryAddons], join(workspaceRoot, library), join(outDir, library));
    addons.push(...libraryAddons.map((addon) => relative(workspaceRoot, addon)));
    writeJson(
      join(outDir, library, 'package.json'),
      libraryManifest(readJson(join(workspaceRoot, library, 'package.json'))),
    );
    files += libraryFiles.length;
  }

  const dependencies = Object.fromEntries(
    required.map((dependency) => {
      const entry = lock.packages[resolveIn(lock, '', dependency) as string];
      return [dependency, entry.link ? '*' : (entry.version as string)];
    }),
  );
  const rootManifest = readJson(join(workspaceRoot, 'package.json'));
  const scripts = Object.fromEntries(
    ENTRY_POINTS.filter((entry) => existsSync(join(appDist, `${entry}.js`))).map((entry) => [
      entry,
      `node dist/${entry}.js`,
    ]),
  );
  const workspaces = libraries.length > 0 ? libraries : undefined;
  const installed = new Set([...locations].map((location) => location.split('node_modules/').pop()));
  const allowScripts = Object.fromEntries(
    Object.entries((rootManifest.allowScripts ?? {}) as Record<string, boolean>).filter(([name]) =>
      installed.has(name),
    ),
  );
  writeJson(join(outDir, 'package.json'), {
    name,
    version: '0.0.0',
    private: true,
    description: `Production package of ${relative(workspaceRoot, appDir)}, made by npx nx run ${name}:package`,
    engines: rootManifest.engines,
    workspaces,
    scripts,
    dependencies,
    allowScripts,
  });
  const packages: Record<string, LockEntry> = { '': { name, version: '0.0.0', workspaces, dependencies } };
  for (const location of [...locations].sort()) packages[location] = productionEntry(lock.packages[location]);
  writeJson(join(outDir, 'package-lock.json'), {
    name,
    version: '0.0.0',
    lockfileVersion: 3,
    requires: true,
    packages,
  });

  return { name, outDir, dependencies, libraries, files, addons, lockedPackages: locations.size - libraries.length };
}
