import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { WORKSPACE_ROOT } from '@temporal-samples/tools/apps/app-process';
import { certsDir } from '@temporal-samples/tools/certs/layout';

export interface WorkspaceCopy {
  root: string;
  remove(): void;
}

/** Links node_modules entry by entry, except the workspace packages, which point at the copy's own libs/ and tools/. */
function linkNodeModules(root: string): void {
  const modules = join(WORKSPACE_ROOT, 'node_modules');
  mkdirSync(join(root, 'node_modules', '@temporal-samples'), { recursive: true });
  for (const entry of readdirSync(modules)) {
    if (entry !== '@temporal-samples') symlinkSync(join(modules, entry), join(root, 'node_modules', entry));
  }
  const scope = join(modules, '@temporal-samples');
  for (const entry of readdirSync(scope)) {
    const link = join(scope, entry);
    if (lstatSync(link).isSymbolicLink())
      symlinkSync(readlinkSync(link), join(root, 'node_modules', '@temporal-samples', entry));
  }
}

/**
 * A throwaway checkout for tests that change the tree: the files git knows (tracked and new,
 * not ignored) as they are in the working tree, node_modules by links, and certs/ linked to the
 * run's certificate folder (SAMPLES_CERTS_DIR), never to the workspace's.
 */
export function copyWorkspace(): WorkspaceCopy {
  const root = mkdtempSync(join(tmpdir(), 'workspace-copy-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: WORKSPACE_ROOT,
    maxBuffer: 64 * 1024 * 1024,
  })
    .toString('utf8')
    .split('\0')
    .filter((file) => file && existsSync(join(WORKSPACE_ROOT, file)));
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    copyFileSync(join(WORKSPACE_ROOT, file), join(root, file));
  }
  linkNodeModules(root);
  rmSync(join(root, 'certs'), { recursive: true, force: true });
  symlinkSync(certsDir(), join(root, 'certs'));
  execFileSync('git', ['init', '-q'], { cwd: root });
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

const OUTPUT_FOLDERS = {
  libs: () => readdirSync(join(WORKSPACE_ROOT, 'libs')).map((name) => `libs/${name}/dist`),
  tools: () => ['tools/dist'],
};

/**
 * The workspace's build outputs, copied into the copy as in a workspace where `npm run build` has
 * run: `libs` is every `libs/<name>/dist`, `tools` is `tools/dist`. Written after the sources, so
 * `tsc --build` finds them up to date and Nx's builds of those projects do no work there.
 */
export function copyBuiltOutputs(copy: WorkspaceCopy, areas: (keyof typeof OUTPUT_FOLDERS)[]): void {
  for (const folder of areas.flatMap((area) => OUTPUT_FOLDERS[area]())) {
    const from = join(WORKSPACE_ROOT, folder);
    if (existsSync(from)) cpSync(from, join(copy.root, folder), { recursive: true });
  }
}
