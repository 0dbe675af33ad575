import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/** Preloaded with `node -r`: on exit, prints how many modules of the Temporal and AWS SDKs the process loaded. */
const SDK_COUNTER = `process.on('exit', () => process.stderr.write('SDK modules loaded: ' +
  Object.keys(require.cache).filter((path) => /[\\\\/]node_modules[\\\\/]@(temporalio|aws-sdk)[\\\\/]/.test(path)).length + '\\n'));`;

describe('every tool answers --help and refuses a bad flag', () => {
  let counterDir: string;
  let sdkCounter: string;

  beforeAll(() => {
    counterDir = mkdtempSync(join(tmpdir(), 'sdk-counter-'));
    sdkCounter = join(counterDir, 'count-sdk-modules.js');
    writeFileSync(sdkCounter, SDK_COUNTER);
  });

  afterAll(() => rmSync(counterDir, { recursive: true, force: true }));

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

  it.each(entryPoints)(
    '%s --help prints its usage and exits 0 at once: it loads neither the Temporal nor the AWS SDK',
    async (file) => {
      const { stdout, stderr } = await run(process.execPath, ['-r', sdkCounter, join(TOOLS_DIST, file), '--help'], {
        timeout: TIMEOUTS.ready,
      });
      expect(stdout).toMatch(/^Usage: \S/);
      expect(stdout).toContain('--help');
      expect(stderr).toContain('SDK modules loaded: 0\n');
    },
  );

  it.each(entryPoints)('%s --bogus exits 2 naming the flag', async (file) => {
    const failure = run(process.execPath, [join(TOOLS_DIST, file), '--bogus'], { timeout: TIMEOUTS.ready });
    await expect(failure).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Unknown option '--bogus'[\s\S]*--help/),
    });
  });
});
