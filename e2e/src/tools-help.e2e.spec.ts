import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { WORKSPACE_ROOT } from '@temporal-samples/tools/apps/app-process';
import { TIMEOUTS } from './support/timeouts';

const run = promisify(execFile);
const TOOLS_DIST = join(WORKSPACE_ROOT, 'tools', 'dist');

/** Every built command-line entry point of the tools: each folder's cli.js, and the scripts package.json runs. */
const scripts: Record<string, string> = JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'package.json'), 'utf8')).scripts;
const scriptEntries = Object.values(scripts).flatMap((line) =>
  [...line.matchAll(/tools\/dist\/([\w/-]+\.js)/g)].map((match) => match[1]),
);
const entryPoints = [
  ...new Set([
    ...readdirSync(TOOLS_DIST, { recursive: true, encoding: 'utf8' }).filter((file) => /(^|\/)cli\.js$/.test(file)),
    ...scriptEntries,
  ]),
].sort();

describe('every tool answers --help and refuses a bad flag', () => {
  it('finds the tools', () => {
    expect(entryPoints).toEqual(
      expect.arrayContaining([
        'certs/cli.js',
        'cluster/cli.js',
        'tokens/cli.js',
        'bench/throughput.js',
        'bench/codec.js',
      ]),
    );
    expect(entryPoints.length).toBeGreaterThanOrEqual(10);
  });

  it('the shared command layer and error classes load no Temporal SDK, so a tool that needs none answers at once', async () => {
    const loaded = `for (const file of ['cli/command.js', 'cli/errors.js', 'certs/errors.js']) require(${JSON.stringify(TOOLS_DIST)} + '/' + file);
      process.stdout.write(String(Object.keys(require.cache).filter((path) => path.includes('/@temporalio/')).length))`;
    const { stdout } = await run(process.execPath, ['-e', loaded], { timeout: TIMEOUTS.ready });
    expect(stdout.trim()).toBe('0');
  });

  it.each(entryPoints)('%s --help prints its usage and exits 0', async (file) => {
    const { stdout } = await run(process.execPath, [join(TOOLS_DIST, file), '--help'], { timeout: TIMEOUTS.ready });
    expect(stdout).toMatch(/^Usage: \S/);
    expect(stdout).toContain('--help');
  });

  it.each(entryPoints)('%s --bogus exits 2 naming the flag', async (file) => {
    const failure = run(process.execPath, [join(TOOLS_DIST, file), '--bogus'], { timeout: TIMEOUTS.ready });
    await expect(failure).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Unknown option '--bogus'[\s\S]*--help/),
    });
  });
});
