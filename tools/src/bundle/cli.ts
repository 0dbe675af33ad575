import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { workflowInterceptorModules } from '@temporal-samples/worker-runtime';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { runCommand } from '../cli/command';
import { UsageError } from '../cli/errors';

/** Bundles an app's workflows once at build time, so its worker starts without webpack. */
runCommand(
  {
    usage: 'node tools/dist/bundle/cli.js',
    summary: "Bundles an app's workflows with the SDK's bundler (the `bundle` target runs it at build time).",
    options: {
      workflows: { type: 'string', value: '<file>', description: 'the compiled workflows module' },
      out: { type: 'string', value: '<file>', description: 'where to write the bundle' },
    },
  },
  async ({ workflows, out }) => {
    if (!workflows || !out) {
      throw new UsageError('bundle needs --workflows <file> and --out <file>.', 'pass both options.');
    }
    const { code } = await bundleWorkflowCode({
      workflowsPath: resolve(workflows),
      workflowInterceptorModules: workflowInterceptorModules(),
      logger: new DefaultLogger('WARN'),
    });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, code);
    console.log(`Workflow bundle written to ${out} (${Math.round(code.length / 1024)} KiB)`);
  },
);
