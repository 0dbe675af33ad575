import { resolve } from 'node:path';
import { WORKSPACE_ROOT } from '../apps/workspace-root';
import type { CommandAction } from '../cli/command';
import { UsageError } from '../cli/errors';
import { progress } from '../cli/progress';
import { buildPackage } from './build-package';
import type { PACKAGE_COMMAND } from './args';

export const packageAction: CommandAction<typeof PACKAGE_COMMAND> = async (values) => {
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
      `native addons: ${result.addons.join(', ') || 'none'}, ` +
      `${result.lockedPackages} locked npm packages.\n` +
      `  Dependencies: ${direct.join(' ')}\n` +
      `  Install and run: cd ${outDir} && npm ci --omit=dev && node dist/worker.js`,
  );
};
