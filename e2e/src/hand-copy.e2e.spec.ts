/**
 * Builds a hand-copied app with Nx in a copy of the workspace: CPU-heavy, so it takes turns with the other CPU-heavy specs (support/worker-environment.ts).
 * @e2e-exclusive cpu-load
 */
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startScript } from '@temporal-samples/tools/apps/app-process';
import type { LocalCluster } from '@temporal-samples/tools/cluster/local-cluster';
import { startTestCluster } from './support/test-cluster';
import { copyBuiltOutputs, copyWorkspace, type WorkspaceCopy } from './support/workspace-copy';

const run = promisify(execFile);

describe('a new service by hand in a built workspace: cp -r apps/local-mtls apps/billing, rename the project, nothing else', () => {
  let workspace: WorkspaceCopy;
  let cluster: LocalCluster;

  beforeAll(async () => {
    workspace = copyWorkspace();
    copyBuiltOutputs(workspace, ['libs', 'tools']);
    cluster = await startTestCluster(['samples'], { mtls: true });
  });

  afterAll(async () => {
    await cluster?.stop();
    workspace?.remove();
  });

  it('builds with Nx and its worker and client complete a workflow', async () => {
    const apps = join(workspace.root, 'apps');
    cpSync(join(apps, 'local-mtls'), join(apps, 'billing'), { recursive: true });
    const projectFile = join(apps, 'billing', 'project.json');
    writeFileSync(projectFile, readFileSync(projectFile, 'utf8').replace('"name": "local-mtls"', '"name": "billing"'));

    const nx = (...args: string[]) =>
      run('npx', ['nx', ...args], { cwd: workspace.root, env: { ...process.env, NX_DAEMON: 'false' } });
    await nx('sync');
    await nx('run', 'billing:build', '--output-style=static');

    const env = { TEMPORAL_ADDRESS: cluster.address };
    const worker = startScript(join(apps, 'billing', 'dist', 'worker.js'), { env });
    try {
      await worker.waitFor(/Worker polling task queue "greetings"/);
      const client = startScript(join(apps, 'billing', 'dist', 'client.js'), { env, args: ['Billing'] });
      expect(await client.exited).toBe(0);
      expect(client.output()).toMatch(/^Result: Hello, Billing!$/m);
    } finally {
      await worker.stop();
    }
  });
});
