import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { WORKSPACE_ROOT } from '@temporal-samples/tools/apps/app-process';

const run = promisify(execFile);
const TOOLS_DIST = join(WORKSPACE_ROOT, 'tools', 'dist');

/** Every built command-line entry point of the tools: each folder's cli.js and the benchmarks. */
const entryPoints = readdirSync(TOOLS_DIST, { recursive: true, encoding: 'utf8' })
  .filter((file) => /(^|\/)cli\.js$/.test(file) || /^bench\/[^/]+\.js$/.test(file))
  .sort();

describe('every tool answers --help and refuses a bad flag', () => {
  it('finds the tools', () => {
    expect(entryPoints).toEqual(expect.arrayContaining(['certs/cli.js', 'cluster/cli.js', 'tokens/cli.js']));
    expect(entryPoints.length).toBeGreaterThanOrEqual(10);
  });

  it.each(entryPoints)('%s --help prints its usage and exits 0', async (file) => {
    const { stdout } = await run(process.execPath, [join(TOOLS_DIST, file), '--help'], { timeout: 60_000 });
    expect(stdout).toMatch(/^Usage: \S/);
    expect(stdout).toContain('--help');
  });

  it.each(entryPoints)('%s --bogus exits 2 naming the flag', async (file) => {
    const failure = run(process.execPath, [join(TOOLS_DIST, file), '--bogus'], { timeout: 60_000 });
    await expect(failure).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Unknown option '--bogus'[\s\S]*--help/),
    });
  });
});
