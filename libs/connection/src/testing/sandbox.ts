import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temporary folder for app folders, `.env` files, certificates and TOML files; HOME lives inside it. */
export class Sandbox {
  readonly root = mkdtempSync(join(tmpdir(), 'connection-spec-'));
  readonly home = join(this.root, 'home');

  /** Writes a file under the sandbox and returns its absolute path. */
  write(relativePath: string, content: string): string {
    const path = join(this.root, relativePath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    return path;
  }

  /** Creates an app folder holding the given files and returns its absolute path. */
  app(name: string, files: Record<string, string> = {}): string {
    const dir = join(this.root, name);
    mkdirSync(dir, { recursive: true });
    for (const [file, content] of Object.entries(files)) this.write(join(name, file), content);
    return dir;
  }

  /** A process environment whose HOME and XDG_CONFIG_HOME point into the sandbox. */
  env(vars: Record<string, string> = {}): NodeJS.ProcessEnv {
    return { HOME: this.home, XDG_CONFIG_HOME: join(this.home, '.config'), ...vars };
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

export const dotenv = (vars: Record<string, string>): string =>
  Object.entries(vars)
    .map(([name, value]) => `${name}=${value}\n`)
    .join('');

/** The error an action throws; fails if it throws none. */
export function thrownBy(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`expected an Error, got ${String(error)}`);
  }
  throw new Error('expected an error, but none was thrown');
}
