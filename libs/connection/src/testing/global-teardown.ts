import { rmSync } from 'node:fs';
import { FIXTURES_DIR_VARIABLE } from './global-setup';

export default function removeFixtures(): void {
  const dir = process.env[FIXTURES_DIR_VARIABLE];
  if (dir) rmSync(dir, { recursive: true, force: true });
}
