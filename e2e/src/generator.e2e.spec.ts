/**
 * Generates and builds an app with Nx in a copy of the workspace: CPU-heavy, so it takes turns with the other CPU-heavy specs (support/worker-environment.ts).
 * @e2e-exclusive cpu-load
 */
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startScript } from '@temporal-samples/tools/apps/app-process';
import { TARGET_CLUSTERS, type DeploymentTarget } from './support/target-clusters';
import { copyBuiltOutputs, copyWorkspace, type WorkspaceCopy } from './support/workspace-copy';
import { TIMEOUTS } from './support/timeouts';

const run = promisify(execFile);
/** Nx in the copy: no daemon left behind, plain output. */
const NX_ENV = { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: 'true' };
const APPS: Record<DeploymentTarget, string> = { plain: 'billing', 'local-mtls': 'payments', 'cloud-mtls': 'ledger' };

// Nx colours its output when it runs inside an Nx task (FORCE_COLOR), as `npm test` does.
// eslint-disable-next-line no-control-regex
const withoutColors = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

async function npx(cwd: string, ...args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run('npx', args, { cwd, env: NX_ENV, maxBuffer: 64 * 1024 * 1024 });
    return withoutColors(stdout + stderr);
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      withoutColors(`npx ${args.join(' ')} failed:\n${failed.stdout ?? ''}${failed.stderr ?? ''}${failed.message}`),
    );
  }
}

describe('nx g @temporal-samples/tools:app in a copy of the workspace, one app per target, on real clusters', () => {
  let workspace: WorkspaceCopy;

  beforeAll(async () => {
    workspace = copyWorkspace();
    // A fresh clone has no tools/dist: the generator runs from its TypeScript source, like an Nx local plugin.
    expect(existsSync(join(workspace.root, 'tools', 'dist'))).toBe(false);
    const dryRun = await npx(
      workspace.root,
      'nx',
      'g',
      '@temporal-samples/tools:app',
      'x',
      '--target=plain',
      '--dry-run',
    );
    expect(dryRun).toMatch(/CREATE apps\/x\/src\/worker\.ts/);
    expect(dryRun).toContain('NOTE: The "dryRun" flag means no changes were made.');
    // The libraries as `npm run build` left them, so what follows builds the generated apps and the tools.
    copyBuiltOutputs(workspace, ['libs']);
    for (const [target, name] of Object.entries(APPS)) {
      const generated = await npx(
        workspace.root,
        'nx',
        'g',
        '@temporal-samples/tools:app',
        name,
        `--target=${target}`,
        '--no-interactive',
      );
      expect(generated).toMatch(new RegExp(`CREATE apps/${name}/project\\.json`));
    }
    await npx(workspace.root, 'nx', 'sync');
    await npx(
      workspace.root,
      'nx',
      'run-many',
      '-t',
      'build',
      '-p',
      Object.values(APPS).join(','),
      '--output-style=static',
    );
  }, TIMEOUTS.long);

  afterAll(() => workspace?.remove());

  it('refuses an app that exists, non-zero, with the fix', async () => {
    await expect(
      npx(workspace.root, 'nx', 'g', '@temporal-samples/tools:app', 'billing', '--target=plain', '--no-interactive'),
    ).rejects.toThrow(/apps\/billing already exists: pick another name/);
  });

  it.each(Object.entries(APPS) as [DeploymentTarget, string][])(
    'the %s app (%s) builds and its worker and client complete a workflow on the matching local cluster',
    async (target, name) => {
      const appDir = join(workspace.root, 'apps', name);
      expect(existsSync(join(appDir, 'dist', 'workflow-bundle.js'))).toBe(true);
      const profile = target === 'cloud-mtls' ? '.env.example' : '.env';
      expect(readFileSync(join(appDir, profile), 'utf8')).toMatch(new RegExp(`^TEMPORAL_TASK_QUEUE=${name}$`, 'm'));
      if (target === 'local-mtls') {
        const certPath = /^TEMPORAL_TLS_CLIENT_CERT_PATH=(.*)$/m.exec(readFileSync(join(appDir, '.env'), 'utf8'))?.[1];
        expect(certPath).toBe(`../../certs/clients/${name}.pem`);
        const subject = new X509Certificate(readFileSync(join(appDir, certPath as string))).subject;
        expect(subject).toContain(`CN=${name}`);
      }

      const cluster = await TARGET_CLUSTERS[target].start();
      const env = TARGET_CLUSTERS[target].env(cluster, name);
      const worker = startScript(join(appDir, 'dist', 'worker.js'), { env });
      try {
        await worker.waitFor(new RegExp(`Worker polling task queue "${name}"`));
        const client = startScript(join(appDir, 'dist', 'client.js'), { env, args: ['Ada'] });
        expect(await client.exited).toBe(0);
        expect(client.output()).toMatch(/^Result: Hello, Ada!$/m);
      } finally {
        await worker.stop();
        await cluster.stop();
      }
    },
    TIMEOUTS.test,
  );

  it("each generated app's .env.local, where a user keeps secrets, is ignored by git while its other files are not", async () => {
    for (const name of Object.values(APPS)) {
      writeFileSync(join(workspace.root, 'apps', name, '.env.local'), 'TEMPORAL_API_KEY=not-for-git\n');
      const { stdout } = await run('git', ['status', '--porcelain', '--untracked-files=all', `apps/${name}`], {
        cwd: workspace.root,
      });
      const listed = stdout.split('\n').map((line) => line.slice(3));
      expect(listed).toContain(`apps/${name}/project.json`);
      expect(listed).not.toContain(`apps/${name}/.env.local`);
    }
  });
});
