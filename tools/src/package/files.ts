import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Every `.js` file under `dir`, recursively, skipping the folders named in `skip` (absolute paths). */
export function javascriptFiles(dir: string, skip: string[] = []): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return skip.includes(path) ? [] : javascriptFiles(path, skip);
    return entry.isFile() && entry.name.endsWith('.js') ? [path] : [];
  });
}

/** A library's native addons (`native/build/*.node`), present where its build could compile them. */
export function nativeAddons(libraryDir: string): string[] {
  const dir = join(libraryDir, 'native', 'build');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.node'))
    .map((name) => join(dir, name));
}

export function copyInto(files: string[], fromDir: string, toDir: string): void {
  for (const file of files) {
    const target = join(toDir, relative(fromDir, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
}
