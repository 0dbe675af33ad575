import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Every `.js` file under `dir`, recursively, skipping the folders named in `skip` (absolute paths). */
export function javascriptFiles(dir: string, skip: string[] = []): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return skip.includes(path) ? [] : javascriptFiles(path, skip);
    return entry.isFile() && entry.name.endsWith('.js') ? [path] : [];
  });
}

export function copyInto(files: string[], fromDir: string, toDir: string): void {
  for (const file of files) {
    const target = join(toDir, relative(fromDir, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
}
