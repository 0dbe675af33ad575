import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runMain } from '@temporal-samples/connection';
import { WORKSPACE_ROOT } from '../apps/app-process';
import { UsageError } from '../cli/errors';
import { progress } from '../cli/progress';
import { buildPackage } from './build-package';

const USAGE = `Usage: node tools/dist/package/cli.js --app-dir <apps/name> [--out <dir>]

Writes an app's production folder (default <app-dir>/dist/package): its built JavaScript and
workflow bundle, the workspace libraries it loads as built JavaScript, a package.json with the
exact versions the workspace runs and a package-lock.json cut from the workspace's own.
Install it with \`npm ci --omit=dev\` in that folder, then \`node dist/worker.js\`.
Normally run through Nx, which builds the app first: npx nx run <app>:package

Options:
  --app-dir <dir>  the app's folder, e.g. apps/local-mtls
  --out <dir>      where to write the folder (it is replaced)
  -h, --help       this text`;

function parse() {
  try {
    return parseArgs({
      options: { 'app-dir': { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('. ')[0]}.`, `see --help; ${USAGE.split('\n')[0]}`);
  }
}

runMain(async () => {
  const values = parse();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values['app-dir']) throw new UsageError('package needs --app-dir <apps/name>.', USAGE.split('\n')[0]);
  const appDir = resolve(values['app-dir']);
  const outDir = resolve(values.out ?? `${appDir}/dist/package`);
  progress(`Packaging ${values['app-dir']} into ${outDir}`);
  const result = buildPackage({ workspaceRoot: WORKSPACE_ROOT, appDir, outDir });
  const direct = Object.entries(result.dependencies).map(([name, version]) => `${name}@${version}`);
  console.log(
    `Package of ${result.name} written to ${outDir}: ${result.files} JavaScript files, ` +
      `${result.libraries.length} workspace libraries (${result.libraries.join(', ') || 'none'}), ` +
      `${result.lockedPackages} locked npm packages.\n` +
      `  Dependencies: ${direct.join(' ')}\n` +
      `  Install and run: cd ${outDir} && npm ci --omit=dev && node dist/worker.js`,
  );
});
