import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchFiles, type FileWatch } from './watch-files';

function nextChange(files: string[], options = {}): { changed: Promise<string[]>; watch: FileWatch } {
  let resolve: (changed: string[]) => void = () => undefined;
  const changed = new Promise<string[]>((done) => (resolve = done));
  return { changed, watch: watchFiles(files, resolve, { debounceMs: 50, ...options }) };
}

async function waitUntil(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('watchFiles', () => {
  let dir: string;
  let watch: FileWatch | undefined;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'watch-files-'))));
  afterEach(() => {
    watch?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports a file written in place', async () => {
    const file = join(dir, 'tls.crt');
    writeFileSync(file, 'one');
    const next = nextChange([file]);
    watch = next.watch;
    writeFileSync(file, 'two');
    expect(await next.changed).toEqual([file]);
  });

  it('reports a file replaced by rename, and only the files that changed', async () => {
    const [cert, key] = [join(dir, 'tls.crt'), join(dir, 'tls.key')];
    writeFileSync(cert, 'one');
    writeFileSync(key, 'key');
    const next = nextChange([cert, key]);
    watch = next.watch;
    writeFileSync(join(dir, '.tmp'), 'two');
    renameSync(join(dir, '.tmp'), cert);
    expect(await next.changed).toEqual([cert]);
  });

  it('reports a Kubernetes-style swap of the ..data symlink', async () => {
    mkdirSync(join(dir, '..v1'));
    writeFileSync(join(dir, '..v1', 'tls.crt'), 'one');
    symlinkSync('..v1', join(dir, '..data'));
    symlinkSync(join('..data', 'tls.crt'), join(dir, 'tls.crt'));
    const next = nextChange([join(dir, 'tls.crt')]);
    watch = next.watch;
    mkdirSync(join(dir, '..v2'));
    writeFileSync(join(dir, '..v2', 'tls.crt'), 'two');
    symlinkSync('..v2', join(dir, '..data_tmp'));
    renameSync(join(dir, '..data_tmp'), join(dir, '..data'));
    expect(await next.changed).toEqual([join(dir, 'tls.crt')]);
  });

  it('sees a change by polling when no watch event comes', async () => {
    const file = join(dir, 'inner', 'tls.crt');
    mkdirSync(join(dir, 'inner'));
    writeFileSync(file, 'one');
    const next = nextChange([file], { pollMs: 100, debounceMs: 60_000 });
    watch = next.watch;
    writeFileSync(file, 'two');
    expect(await next.changed).toEqual([file]);
  });

  it('reports nothing after close, though a watch event had scheduled a check that the poll overtook', async () => {
    const file = join(dir, 'tls.crt');
    writeFileSync(file, 'one');
    const calls: string[][] = [];
    watch = watchFiles([file], (changed) => calls.push(changed), { pollMs: 150, debounceMs: 400 });
    writeFileSync(file, 'two');
    await waitUntil(() => calls.length === 1);
    watch.close();
    writeFileSync(file, 'three');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(calls).toEqual([[file]]);
  });
});
