import type { Tree } from '@nx/devkit';

/** Replaces `KEY=...` in an env file, or appends it when absent. */
export function setEnvValue(tree: Tree, file: string, key: string, value: string): void {
  const text = tree.read(file, 'utf-8') ?? '';
  const line = new RegExp(`^${key}=.*$`, 'm');
  const updated = line.test(text)
    ? text.replace(line, `${key}=${value}`)
    : `${text.replace(/\n?$/, '\n')}${key}=${value}\n`;
  tree.write(file, updated);
}
