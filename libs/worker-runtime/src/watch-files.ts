import { createHash } from 'node:crypto';
import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { dirname } from 'node:path';

export interface WatchFilesOptions {
  /** Events closer together than this are one change (a writer's several writes, a symlink swap). */
  debounceMs?: number;
  /** Contents are also compared on this interval, for file systems where watch events do not arrive. */
  pollMs?: number;
}

export interface FileWatch {
  close(): void;
}

export const DEFAULT_DEBOUNCE_MS = 300;
export const DEFAULT_POLL_MS = 5_000;

/** A hash of the file's contents (following symlinks); an unreadable file counts as its own state. */
export function contentHash(file: string): string {
  const hash = createHash('sha256');
  try {
    hash.update(readFileSync(file));
  } catch (error) {
    hash.update(`unreadable:${(error as NodeJS.ErrnoException).code}`);
  }
  return hash.digest('hex');
}

/**
 * Calls onChange with the files whose contents changed, however they are replaced: written in
 * place, renamed over (cert-manager, most editors), or swapped behind a symlink (Kubernetes'
 * `..data`). Each file's folder is watched, since a rename replaces the file's inode; a poll
 * catches what watch events miss.
 */
export function watchFiles(
  files: string[],
  onChange: (changed: string[]) => void,
  options: WatchFilesOptions = {},
): FileWatch {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const seen = new Map(files.map((file) => [file, contentHash(file)]));
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const compare = () => {
    clearTimeout(timer);
    timer = undefined;
    if (closed) return;
    const changed = files.filter((file) => {
      const current = contentHash(file);
      if (current === seen.get(file)) return false;
      seen.set(file, current);
      return true;
    });
    if (changed.length > 0) onChange(changed);
  };
  const soon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(compare, debounceMs);
  };
  const watchers: FSWatcher[] = [];
  for (const folder of new Set(files.map((file) => dirname(file)))) {
    try {
      watchers.push(watch(folder, { persistent: false }, soon).on('error', () => undefined));
    } catch {
      // The poll below still sees the change.
    }
  }
  const poll = setInterval(compare, options.pollMs ?? DEFAULT_POLL_MS).unref();
  return {
    close() {
      closed = true;
      watchers.forEach((watcher) => watcher.close());
      clearInterval(poll);
      clearTimeout(timer);
    },
  };
}
