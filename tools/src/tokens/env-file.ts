import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Sets one NAME=value line in an env file (created 0600 if missing), keeping every other line. */
export function setEnvFileValue(file: string, name: string, value: string): void {
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
  const kept = lines.filter((line) => !line.startsWith(`${name}=`) && line !== '');
  writeFileSync(file, [...kept, `${name}=${value}`, ''].join('\n'), { mode: 0o600 });
  chmodSync(file, 0o600);
}
