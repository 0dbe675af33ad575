import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runMain } from '@temporal-samples/connection';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { UsageError } from '../cli/errors';

/** Bundles an app's workflows once at build time, so its worker starts without webpack. */
runMain(async () => {
  const { values } = parseArgs({ options: { workflows: { type: 'string' }, out: { type: 'string' } } });
  if (!values.workflows || !values.out) {
    throw new UsageError('bundle needs --workflows <file> and --out <file>.', 'pass both options.');
  }
  const { code } = await bundleWorkflowCode({
    workflowsPath: resolve(values.workflows),
    logger: new DefaultLogger('WARN'),
  });
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, code);
  console.log(`Workflow bundle written to ${values.out} (${Math.round(code.length / 1024)} KiB)`);
});
