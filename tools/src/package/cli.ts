import { resolve } from 'node:path';
import { WORKSPACE_ROOT } from '../apps/workspace-root';
import { runCommand } from '../cli/command';
import { UsageError } from '../cli/errors';
import { progress } from '../cli/progress';
import { buildPackage } from './build-package';

runCommand(
  {
    usage: 'npx nx run <app>:package --',
    summary:
      "Writes an app's production folder (default <app-dir>/dist/package): its built JavaScript and workflow " +
      'bundle, the workspace libraries it loads as built JavaScript, a package.json with the exact versions the ' +
      "workspace runs and a package-lock.json cut from the workspace's own. Install it with `npm ci --omit=dev` " +
      'in that folder, then `node dist/worker.js`. Through Nx, the app is built first.',
    options: {
      'app-dir': { type: 'string', value: '<dir>', description: "the app's folder, e.g. apps/local-mtls" },
      out: { type: 'string', value: '<dir>', description: 'where to write the folder (it is replaced)' },
    },
  },
  async (values) => {
    if (!values['app-dir'])
      throw new UsageError('package needs --app-dir <apps/name>.', 'give e.g. --app-dir apps/local-mtls');
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
  },
);
