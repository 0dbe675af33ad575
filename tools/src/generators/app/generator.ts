import { randomBytes } from 'node:crypto';
import { formatFiles, getProjects, joinPathFragments, updateJson, type GeneratorCallback, type Tree } from '@nx/devkit';
import { DEPLOYMENT_TARGETS, isTargetName, TARGET_NAMES, type TargetName } from '../../apps/deployment-targets';
import { ownClientCertificate } from './client-identity';
import { setEnvValue } from './env-file';

export interface AppGeneratorSchema {
  name: string;
  target: string;
  taskQueue?: string;
  encryption?: boolean;
}

const NAME_PATTERN = /^[a-z][a-z0-9-]*$/;
/** Never copied: build output, dependencies, local secrets. */
const SKIPPED_DIRS = new Set(['dist', 'out-tsc', 'node_modules']);
const SKIPPED_FILES = new Set(['.env.local']);

/** Thrown for a request the generator refuses; the message names the problem and the fix. */
export class AppGeneratorError extends Error {
  override name = 'AppGeneratorError';
}

/** `nx g @temporal-samples/tools:app <name> --target=<plain|local-mtls|cloud-mtls>`: copies apps/<target> to apps/<name>. */
export async function appGenerator(tree: Tree, options: AppGeneratorSchema): Promise<GeneratorCallback | undefined> {
  const { name, target } = validate(tree, options);
  const from = joinPathFragments('apps', DEPLOYMENT_TARGETS[target].templateApp);
  const to = joinPathFragments('apps', name);
  const ignored = gitIgnoredNames(tree, from);
  copyTree(tree, from, to, ignored);

  updateJson(tree, joinPathFragments(to, 'project.json'), (project) => ({ ...project, name }));
  setJestDisplayName(tree, joinPathFragments(to, 'jest.config.js'), name);

  const envFile = joinPathFragments(to, tree.exists(joinPathFragments(to, '.env')) ? '.env' : '.env.example');
  if (!tree.exists(envFile)) {
    throw new AppGeneratorError(`${from} has neither .env nor .env.example: it is not an app template.`);
  }
  const taskQueue = options.taskQueue?.trim() || name;
  setEnvValue(tree, envFile, 'TEMPORAL_TASK_QUEUE', taskQueue);
  renameDeployment(tree, joinPathFragments(to, 'deploy'), DEPLOYMENT_TARGETS[target].templateApp, name, taskQueue);
  if (options.encryption) addEncryption(tree, envFile, to);
  const makeClientCertificate = ownClientCertificate(tree, to, envFile, name);

  tree.write(joinPathFragments(to, 'README.md'), readme(name, target, options.encryption ?? false));
  // TypeScript project references (root tsconfig.json) are kept by `npx nx sync`.
  await formatFiles(tree);
  return makeClientCertificate;
}

export default appGenerator;

function validate(tree: Tree, options: AppGeneratorSchema): { name: string; target: TargetName } {
  const name = String(options.name ?? '').trim();
  if (!NAME_PATTERN.test(name)) {
    throw new AppGeneratorError(
      `"${name}" is not a valid app name: use lowercase letters, digits and dashes, starting with a letter (e.g. "billing" or "order-worker").`,
    );
  }
  const target = String(options.target ?? '');
  if (!isTargetName(target)) {
    throw new AppGeneratorError(
      `Unknown --target "${target}": use one of ${TARGET_NAMES.join(', ')} (the app folder to copy).`,
    );
  }
  const template = DEPLOYMENT_TARGETS[target].templateApp;
  if (!tree.exists(joinPathFragments('apps', template, 'project.json'))) {
    throw new AppGeneratorError(
      `apps/${template}/project.json is missing: run the generator from the workspace root of this repository.`,
    );
  }
  if (tree.exists(joinPathFragments('apps', name))) {
    throw new AppGeneratorError(`apps/${name} already exists: pick another name, or delete apps/${name} first.`);
  }
  const existing = getProjects(tree).get(name);
  if (existing) {
    throw new AppGeneratorError(
      `An Nx project named "${name}" already exists (in ${existing.root}/): pick another name.`,
    );
  }
  return { name, target };
}

/** Plain names listed in the template's own .gitignore (e.g. cloud-mtls ignores its filled-in .env). */
function gitIgnoredNames(tree: Tree, dir: string): Set<string> {
  const text = tree.read(joinPathFragments(dir, '.gitignore'), 'utf-8') ?? '';
  return new Set(
    text
      .split(/\r?\n/)
      .map((line) => line.trim().replace(/^\//, ''))
      .filter((line) => line && !line.startsWith('#') && !line.startsWith('!') && !/[*?[/]/.test(line)),
  );
}

function copyTree(tree: Tree, from: string, to: string, ignored: Set<string>): void {
  for (const entry of tree.children(from)) {
    const source = joinPathFragments(from, entry);
    const destination = joinPathFragments(to, entry);
    if (tree.isFile(source)) {
      if (SKIPPED_FILES.has(entry) || ignored.has(entry) || entry.endsWith('.tsbuildinfo')) continue;
      tree.write(destination, tree.read(source) as Buffer);
    } else if (!SKIPPED_DIRS.has(entry) && !ignored.has(entry)) {
      copyTree(tree, source, destination, ignored);
    }
  }
}

function setJestDisplayName(tree: Tree, file: string, name: string): void {
  const text = tree.read(file, 'utf-8');
  if (text === null) return;
  const updated = text.replace(/(displayName\s*:\s*)(['"`])[^'"`]*\2/, `$1'${name}'`);
  tree.write(file, updated);
}

/** The Kubernetes manifests name the app (resources, labels, Secrets, image) and its task queue: rename them. */
function renameDeployment(tree: Tree, deployDir: string, template: string, name: string, taskQueue: string): void {
  if (!tree.exists(deployDir)) return;
  const templateName = new RegExp(`\\b${template}\\b`, 'g');
  for (const entry of tree.children(deployDir)) {
    const file = joinPathFragments(deployDir, entry);
    const text = tree.read(file, 'utf-8');
    if (text === null) continue;
    tree.write(
      file,
      text.replace(templateName, name).replace(/^(\s*TEMPORAL_TASK_QUEUE:).*$/m, `$1 ${yamlScalar(taskQueue)}`),
    );
  }
}

const yamlScalar = (value: string) => (/^[\w.-]+$/.test(value) ? value : JSON.stringify(value));

function addEncryption(tree: Tree, envFile: string, appDir: string): void {
  const text = tree.read(envFile, 'utf-8') ?? '';
  const note =
    '\n# Payloads are encrypted at rest: PAYLOAD_CODEC_KEYS=v1=<base64 key> is in .env.local (git-ignored),\n' +
    '# never here. Rotation and the codec server: docs/encryption.md.\n';
  tree.write(envFile, `${text.replace(/\n?$/, '\n')}${note}`);
  const key = randomBytes(32).toString('base64');
  tree.write(joinPathFragments(appDir, '.env.local'), `PAYLOAD_CODEC_KEYS=v1=${key}\n`);
}

const ABOUT: Record<TargetName, string> = {
  plain: 'A Temporal worker and client starter for a local server without TLS, copied from `apps/plain`.',
  'local-mtls':
    'A Temporal worker and client starter over mutual TLS to a local cluster, copied from `apps/local-mtls` ' +
    '([docs/tls.md](../../docs/tls.md)).',
  'cloud-mtls':
    'A Temporal worker and client starter for Temporal Cloud (mTLS or API key), copied from `apps/cloud-mtls` ' +
    '([docs/cloud.md](../../docs/cloud.md)).',
};

function readme(name: string, target: TargetName, encryption: boolean): string {
  const profile =
    target === 'cloud-mtls'
      ? `The profile is \`apps/${name}/.env\`: copy it from \`.env.example\` and fill in the \`<...>\` values ` +
        `(\`cp apps/${name}/.env.example apps/${name}/.env\`; git-ignored).`
      : `The profile is \`apps/${name}/.env\`: address, namespace, task queue${target === 'local-mtls' ? ', TLS settings' : ''}.`;
  const server =
    target === 'cloud-mtls'
      ? `npx nx run ${name}:server    # optional: a local cloud-like cluster instead of Cloud`
      : `npx nx run ${name}:server    # a local Temporal server for this profile`;
  return [
    `# apps/${name}`,
    '',
    ABOUT[target],
    '',
    '## Run it',
    '',
    'From the repository root, in three terminals:',
    '',
    '```sh',
    server,
    `npx nx run ${name}:worker`,
    `npx nx run ${name}:client -- Ada    # Result: Hello, Ada!`,
    '```',
    '',
    `${profile} Anything in \`.env.local\` (git-ignored) or the shell overrides it; ` +
      `\`npx nx run ${name}:profile\` shows every resolved value and where it came from.` +
      (encryption
        ? ' Payloads are encrypted with the key in `.env.local` ([docs/encryption.md](../../docs/encryption.md)).'
        : ''),
    '',
  ].join('\n');
}
