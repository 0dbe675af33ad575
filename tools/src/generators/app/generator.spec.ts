import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { addProjectConfiguration, readJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { WORKSPACE_ROOT } from '../../apps/app-process';
import { TARGET_NAMES } from '../../apps/deployment-targets';
import { appGenerator } from './generator';

/**
 * Copies the real apps/<target> folder into the tree, as a fresh clone has it: no build output,
 * and none of the git-ignored profiles a developer may keep there (.env.local, cloud-mtls' .env).
 */
function copyRealApp(tree: Tree, target: string): void {
  const root = join(WORKSPACE_ROOT, 'apps', target);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        if (!['dist', 'out-tsc', 'node_modules'].includes(entry)) walk(path);
      } else if (
        entry !== '.env.local' &&
        !entry.endsWith('.tsbuildinfo') &&
        !(target === 'cloud-mtls' && entry === '.env')
      ) {
        tree.write(join('apps', target, relative(root, path)), readFileSync(path));
      }
    }
  };
  walk(root);
}

function filesUnder(tree: Tree, dir: string): string[] {
  return tree.children(dir).flatMap((entry) => {
    const path = `${dir}/${entry}`;
    return tree.isFile(path) ? [path] : filesUnder(tree, path);
  });
}

function setup(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  for (const target of TARGET_NAMES) copyRealApp(tree, target);
  return tree;
}

// No formatter is configured in this workspace; the empty test workspace would otherwise look for one.
process.env.NX_SKIP_FORMAT = 'true';

describe('app generator', () => {
  it.each(TARGET_NAMES)('copies apps/%s file for file, without build output or local secrets', async (target) => {
    const tree = setup();
    const from = `apps/${target}`;
    // What a working copy also holds; none of it belongs in a new app.
    tree.write(`${from}/dist/worker.js`, '');
    tree.write(`${from}/out-tsc/spec/x.js`, '');
    tree.write(`${from}/node_modules/x/index.js`, '');
    tree.write(`${from}/.env.local`, 'PAYLOAD_CODEC_KEYS=v1=secret\n');
    tree.write(`${from}/tsconfig.app.tsbuildinfo`, '{}');
    if (target === 'cloud-mtls') tree.write(`${from}/.env`, 'TEMPORAL_API_KEY=secret\n');

    await appGenerator(tree, { name: 'billing', target });

    const expected = filesUnder(tree, from)
      .filter((file) => !/\/(dist|out-tsc|node_modules)\/|\.env\.local$|\.tsbuildinfo$/.test(file))
      .filter((file) => !(target === 'cloud-mtls' && file.endsWith('/.env')))
      .map((file) => file.slice(from.length + 1))
      .sort();
    const copied = filesUnder(tree, 'apps/billing')
      .map((file) => file.slice('apps/billing/'.length))
      .sort();
    expect(copied).toEqual(expected);
    expect(copied).toEqual(
      expect.arrayContaining(['project.json', 'jest.config.js', 'README.md', 'src/worker.ts', 'src/client.ts']),
    );
    // Source files are byte-for-byte the template's: nothing in src/ names the app.
    for (const file of copied.filter((name) => name.startsWith('src/'))) {
      expect(tree.read(`apps/billing/${file}`, 'utf-8')).toBe(tree.read(`${from}/${file}`, 'utf-8'));
    }
  });

  it('names the project, the Jest display name and the README after the app', async () => {
    const tree = setup();
    await appGenerator(tree, { name: 'billing', target: 'local-mtls' });

    const project = readJson(tree, 'apps/billing/project.json');
    expect(project.name).toBe('billing');
    expect(project.targets).toEqual(readJson(tree, 'apps/local-mtls/project.json').targets);
    expect(tree.read('apps/billing/jest.config.js', 'utf-8')).toMatch(/displayName: 'billing'/);

    const readme = tree.read('apps/billing/README.md', 'utf-8') ?? '';
    expect(readme).toMatch(/^# apps\/billing\n/);
    for (const target of ['server', 'worker', 'client']) expect(readme).toContain(`npx nx run billing:${target}`);
    expect(readme).toContain('apps/billing/.env');
    expect(readme).not.toMatch(/local-mtls:/);
    expect(readme.split('\n').length).toBeLessThan(25);
  });

  it('sets TEMPORAL_TASK_QUEUE to the name by default, or to --taskQueue', async () => {
    const tree = setup();
    await appGenerator(tree, { name: 'billing', target: 'plain' });
    await appGenerator(tree, { name: 'orders', target: 'local-mtls', taskQueue: 'order-queue' });

    const billing = tree.read('apps/billing/.env', 'utf-8') ?? '';
    expect(billing).toMatch(/^TEMPORAL_TASK_QUEUE=billing$/m);
    expect(billing.match(/TEMPORAL_TASK_QUEUE/g)).toHaveLength(1);
    // Everything else in the profile is the template's.
    expect(billing.replace(/^TEMPORAL_TASK_QUEUE=.*$/m, '')).toBe(
      (tree.read('apps/plain/.env', 'utf-8') ?? '').replace(/^TEMPORAL_TASK_QUEUE=.*$/m, ''),
    );
    const orders = tree.read('apps/orders/.env', 'utf-8') ?? '';
    expect(orders).toMatch(/^TEMPORAL_TASK_QUEUE=order-queue$/m);
    expect(orders).toMatch(/^TEMPORAL_TLS_SERVER_NAME=/m);
  });

  it('gives a local-mtls app a client certificate of its own, made after the files are written', async () => {
    const tree = setup();
    const makeCertificate = await appGenerator(tree, { name: 'orders', target: 'local-mtls' });
    const orders = tree.read('apps/orders/.env', 'utf-8') ?? '';
    expect(orders).toMatch(/^TEMPORAL_TLS_CLIENT_CERT_PATH=\.\.\/\.\.\/certs\/clients\/orders\.pem$/m);
    expect(orders).toMatch(/^TEMPORAL_TLS_CLIENT_KEY_PATH=\.\.\/\.\.\/certs\/clients\/orders\.key$/m);
    expect(orders).not.toContain('clients/local-mtls.');
    expect(makeCertificate).toEqual(expect.any(Function));
    expect(await appGenerator(tree, { name: 'billing', target: 'plain' })).toBeUndefined();
  });

  it.each(TARGET_NAMES)(
    'from %s, brings the Dockerfile as it is and deploy/ named after the new app and its task queue',
    async (target) => {
      const tree = setup();
      await appGenerator(tree, { name: 'orders', target, taskQueue: 'order-queue' });

      expect(tree.read('apps/orders/Dockerfile', 'utf-8')).toBe(tree.read(`apps/${target}/Dockerfile`, 'utf-8'));
      const manifests = filesUnder(tree, 'apps/orders/deploy').map((file) => file.slice('apps/orders/deploy/'.length));
      expect(manifests.sort()).toEqual(['configmap.yaml', 'deployment.yaml', 'kustomization.yaml']);
      const deployment = tree.read('apps/orders/deploy/deployment.yaml', 'utf-8') ?? '';
      expect(deployment).toMatch(/^ {2}name: orders-worker$/m);
      expect(deployment).toContain('name: orders-profile');
      expect(deployment).not.toContain(target);
      const configMap = tree.read('apps/orders/deploy/configmap.yaml', 'utf-8') ?? '';
      expect(configMap).toMatch(/^ {2}TEMPORAL_TASK_QUEUE: order-queue$/m);
      expect(configMap).not.toContain(target);
    },
  );

  it('for cloud-mtls, sets the task queue in .env.example and keeps its .gitignore', async () => {
    const tree = setup();
    await appGenerator(tree, { name: 'payments', target: 'cloud-mtls' });

    expect(tree.exists('apps/payments/.env')).toBe(false);
    expect(tree.read('apps/payments/.env.example', 'utf-8')).toMatch(/^TEMPORAL_TASK_QUEUE=payments$/m);
    expect(tree.read('apps/payments/.gitignore', 'utf-8')).toBe(tree.read('apps/cloud-mtls/.gitignore', 'utf-8'));
    expect(tree.read('apps/payments/README.md', 'utf-8')).toContain('cp apps/payments/.env.example apps/payments/.env');
  });

  it('with --encryption, writes a fresh key to .env.local and a pointer to it in .env', async () => {
    const tree = setup();
    await appGenerator(tree, { name: 'billing', target: 'plain', encryption: true });
    await appGenerator(tree, { name: 'orders', target: 'plain', encryption: true });

    const env = tree.read('apps/billing/.env', 'utf-8') ?? '';
    expect(env).toMatch(/^# .*PAYLOAD_CODEC_KEYS.*\.env\.local/m);
    expect(env).toContain('docs/encryption.md');
    expect(env).not.toMatch(/^PAYLOAD_CODEC_KEYS=/m);

    const local = tree.read('apps/billing/.env.local', 'utf-8') ?? '';
    const match = /^PAYLOAD_CODEC_KEYS=v1=([A-Za-z0-9+/]{43}=)\n$/.exec(local);
    expect(match).not.toBeNull();
    expect(Buffer.from(match?.[1] ?? '', 'base64')).toHaveLength(32);
    expect(tree.read('apps/orders/.env.local', 'utf-8')).not.toBe(local);
  });

  it('without --encryption, writes no .env.local', async () => {
    const tree = setup();
    await appGenerator(tree, { name: 'billing', target: 'plain' });
    expect(tree.exists('apps/billing/.env.local')).toBe(false);
    expect(tree.read('apps/billing/.env', 'utf-8')).not.toContain('PAYLOAD_CODEC_KEYS');
  });

  describe('refuses, naming the problem and the fix', () => {
    it.each([
      [
        'Billing',
        /"Billing" is not a valid app name: use lowercase letters, digits and dashes, starting with a letter/,
      ],
      ['9lives', /not a valid app name/],
      ['-x', /not a valid app name/],
      ['bill_ing', /not a valid app name/],
      ['', /not a valid app name/],
      ['../escape', /not a valid app name/],
    ])('an invalid name %j', async (name, message) => {
      const tree = setup();
      await expect(appGenerator(tree, { name, target: 'plain' })).rejects.toThrow(message);
    });

    it('a name already under apps/', async () => {
      const tree = setup();
      tree.write('apps/billing/notes.txt', 'mine');
      await expect(appGenerator(tree, { name: 'billing', target: 'plain' })).rejects.toThrow(
        'apps/billing already exists: pick another name, or delete apps/billing first.',
      );
      await expect(appGenerator(tree, { name: 'plain', target: 'local-mtls' })).rejects.toThrow(
        /apps\/plain already exists/,
      );
      expect(tree.read('apps/billing/notes.txt', 'utf-8')).toBe('mine');
    });

    it('a name already taken by an Nx project elsewhere', async () => {
      const tree = setup();
      addProjectConfiguration(tree, 'connection', { root: 'libs/connection' });
      await expect(appGenerator(tree, { name: 'connection', target: 'plain' })).rejects.toThrow(
        'An Nx project named "connection" already exists (in libs/connection/): pick another name.',
      );
      expect(tree.exists('apps/connection')).toBe(false);
    });

    it('an unknown target', async () => {
      const tree = setup();
      await expect(appGenerator(tree, { name: 'billing', target: 'codec-server' })).rejects.toThrow(
        'Unknown --target "codec-server": use one of plain, local-mtls, cloud-mtls',
      );
      expect(tree.exists('apps/billing')).toBe(false);
    });
  });
});
