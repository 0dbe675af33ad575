import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A folder laid out like a Kubernetes Secret volume: each file is a symlink into `..data`, itself a
 * symlink to a versioned folder; an update writes a new version and renames a new `..data` over the
 * old one in one step, as the kubelet does.
 */
export class RotatingSecretVolume {
  private version = 0;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  /** Replaces every file at once (the first call creates the layout). */
  replace(files: Record<string, string>): void {
    this.version += 1;
    const versionDir = `..v${this.version}`;
    mkdirSync(join(this.dir, versionDir));
    for (const [name, content] of Object.entries(files))
      writeFileSync(join(this.dir, versionDir, name), content, { mode: 0o600 });
    symlinkSync(versionDir, join(this.dir, '..data_tmp'));
    renameSync(join(this.dir, '..data_tmp'), join(this.dir, '..data'));
    if (this.version === 1) {
      for (const name of Object.keys(files)) symlinkSync(join('..data', name), join(this.dir, name));
    } else {
      rmSync(join(this.dir, `..v${this.version - 1}`), { recursive: true, force: true });
    }
  }

  /** Writes one file in place, through its symlink, as a careless tool or a person would. */
  writeInPlace(name: string, content: string): void {
    writeFileSync(this.path(name), content);
  }
}
