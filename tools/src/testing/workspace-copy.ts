import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { WORKSPACE_ROOT } from '../apps/app-process';

export interface WorkspaceCopy {
  root: string;
  remove(): void;
}

/**
 * A copy of the workspace as a fresh clone would have it (tracked and new, non-ignored files),
 * sharing node_modules and the generated certs/ by symlink, for tests that change the tree.
 */
export function copyWorkspace(): WorkspaceCopy {
  const root = mkdtempSync(join(tmpdir(), 'workspace-copy-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: WORKSPACE_ROOT })
    .toString('utf8')
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    try {
      copyFileSync(join(WORKSPACE_ROOT, file), join(root, file));
    } catch {
      // listed by git but deleted in the working tree
    }
  }
  symlinkSync(join(WORKSPACE_ROOT, 'node_modules'), join(root, 'node_modules'));
  rmSync(join(root, 'certs'), { recursive: true, force: true });
  symlinkSync(join(WORKSPACE_ROOT, 'certs'), join(root, 'certs'));
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
