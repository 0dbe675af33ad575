import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { progress } from '../cli/progress';
import { cacheRoot } from '../cluster/go-binary';
import { BaseImageError, ContainerToolMissingError } from '../package/errors';
import { INSTALL_FIX, type Podman } from './podman';

export const BASE_SUITE = 'bookworm';

/**
 * This machine's Node, npm and Node's C headers, as the official Node tarball lays them out (<prefix>/bin/node,
 * <prefix>/lib/node_modules/npm, <prefix>/include/node): the headers let an image's build stage compile the
 * codec's native sealer, as it can on the public Node images.
 */
function hostNode() {
  const node = realpathSync(process.execPath);
  const prefix = join(dirname(node), '..');
  const npm = join(prefix, 'lib', 'node_modules', 'npm');
  const headers = join(prefix, 'include', 'node');
  const fix =
    'use a Node 20 installed from its official tarball or package, or build with the default public base image.';
  if (!existsSync(join(npm, 'bin', 'npm-cli.js'))) {
    throw new BaseImageError(
      `npm is not at ${npm}, next to this Node (${node}), so the base image cannot take it.`,
      fix,
    );
  }
  if (!existsSync(join(headers, 'node_api.h'))) {
    throw new BaseImageError(`Node's C headers are not at ${headers}, next to this Node (${node}).`, fix);
  }
  return { node, npm, headers, version: process.version.slice(1) };
}

/** CAs this machine adds to Debian's (e.g. a registry proxy's); the base image trusts them too. */
const LOCAL_CAS = '/usr/local/share/ca-certificates';
const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

function localCas(): { files: string[]; digest: string } {
  const files = existsSync(LOCAL_CAS)
    ? readdirSync(LOCAL_CAS)
        .filter((file) => file.endsWith('.crt'))
        .sort()
        .map((file) => join(LOCAL_CAS, file))
    : [];
  const hash = createHash('sha256');
  for (const file of files) hash.update(readFileSync(file));
  return { files, digest: hash.digest('hex').slice(0, 8) };
}

/** Raised when what the base image holds changes, so machines make the new one: 2 added Node's C headers. */
const BASE_REVISION = 2;

export function baseImageTag(nodeVersion = process.version.slice(1), caDigest = localCas().digest): string {
  return `localhost/temporal-samples/node-base:${nodeVersion}-${BASE_SUITE}-r${BASE_REVISION}-${caDigest}`;
}

const imageExists = (podman: Podman, tag: string) => podman.run(['images', '--quiet', tag]).trim() !== '';

/** The base image the test preparation made (a test never waits on mmdebstrap), or an error saying how to make it. */
export function requireBaseImage(podman: Podman): string {
  const tag = baseImageTag(hostNode().version, localCas().digest);
  if (!imageExists(podman, tag)) {
    throw new BaseImageError(
      `The local base image ${tag} is missing.`,
      'make it with the test preparation (npm test runs it first): node tools/dist/prepare/cli.js',
    );
  }
  return tag;
}

/**
 * A Debian base image with this machine's Node 20, npm, Node's C headers and trusted CAs, made without a registry: the root file
 * system from Debian's packages with mmdebstrap, cached as a tar under the cache folder, imported
 * into podman once. Stands in for the public `node:20-bookworm-slim` the Dockerfiles default to.
 */
export function ensureBaseImage(podman: Podman): string {
  const { node, npm, headers, version } = hostNode();
  const cas = localCas();
  const tag = baseImageTag(version, cas.digest);
  if (imageExists(podman, tag)) return tag;
  const tar = join(cacheRoot(), 'images', `node-${version}-${BASE_SUITE}-r${BASE_REVISION}-${cas.digest}.tar`);
  if (!existsSync(tar)) {
    progress(
      `Making the base image's root file system with mmdebstrap (Debian ${BASE_SUITE} + Node ${version}), once: ${tar}`,
    );
    mkdirSync(dirname(tar), { recursive: true });
    const hooks = [
      `copy-in ${node} /usr/bin`,
      'mkdir -p "$1/usr/lib/node_modules"',
      `copy-in ${npm} /usr/lib/node_modules`,
      'ln -s ../lib/node_modules/npm/bin/npm-cli.js "$1/usr/bin/npm"',
      'ln -s ../lib/node_modules/npm/bin/npx-cli.js "$1/usr/bin/npx"',
      'mkdir -p "$1/usr/include"',
      `copy-in ${headers} /usr/include`,
      ...(cas.files.length > 0
        ? [`copy-in ${cas.files.join(' ')} ${LOCAL_CAS}`, 'chroot "$1" update-ca-certificates --fresh']
        : []),
    ];
    try {
      execFileSync(
        'mmdebstrap',
        [
          '--variant=minbase',
          '--include=ca-certificates',
          '--format=tar',
          ...hooks.map((hook) => `--customize-hook=${hook}`),
          BASE_SUITE,
          `${tar}.partial`,
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new ContainerToolMissingError(
          'mmdebstrap is not installed: it makes the base image from Debian packages.',
          INSTALL_FIX,
        );
      }
      throw new BaseImageError(
        `mmdebstrap failed: ${String((error as { stderr?: Buffer }).stderr ?? error).slice(-2000)}`,
        'check that the Debian mirror is reachable (apt-get update works), then run this again.',
      );
    }
    renameSync(`${tar}.partial`, tar);
  }
  progress(`Importing ${tar} as ${tag}`);
  // Node reads its own CA list, not the system's, unless told: npm in the build stage needs the machine's.
  podman.run(['import', '--quiet', `--change=ENV NODE_EXTRA_CA_CERTS=${CA_BUNDLE}`, tar, tag]);
  return tag;
}
