import { spawnSync } from 'node:child_process';

/** Where a program is found on PATH, as the shell finds it; undefined when it is not there. */
export function onPath(command: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { env, encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() || undefined : undefined;
}
