import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { workflowInterceptorModules } from '@temporal-samples/worker-runtime';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import type { CommandAction } from '../cli/command';
import { UsageError } from '../cli/errors';
import type { BUNDLE_COMMAND } from './args';

/** Bundles an app's workflows once at build time, so its worker starts without webpack. */
export const bundleAction: CommandAction<typeof BUNDLE_COMMAND> = async ({ workflows, out }) => {
  if (!workflows || !out) {
    throw new UsageError('bundle needs --workflows <file> and --out <file>.', 'pass both options.');
  }
  if (!existsSync(workflows)) {
    throw new UsageError(
      `--workflows ${workflows} does not exist.`,
      "build the app's TypeScript first (its build target does).",
    );
  }
  const { code } = await bundleWorkflowCode({
    workflowsPath: resolve(workflows),
    workflowInterceptorModules: workflowInterceptorModules(),
    logger: new DefaultLogger('WARN'),
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, code);
  console.log(`Workflow bundle written to ${out} (${Math.round(code.length / 1024)} KiB)`);
};
