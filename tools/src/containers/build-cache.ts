import type { Podman } from './podman';

/** A label on every layer of an image build the tests make, so the layers of earlier builds can be found. */
export const BUILD_CACHE_LABEL = 'temporal-samples.build-cache';

/** The images a `podman build` made or took from its cache, one per Dockerfile step, as it printed them. */
export function builtLayers(buildOutput: string): string[] {
  return [...buildOutput.matchAll(/^--> (?:Using cache )?([0-9a-f]{11,64})$/gm)].map((match) => match[1]);
}

/**
 * Removes the layers labelled `BUILD_CACHE_LABEL=<name>` that the latest build did not use, so podman's
 * build cache holds one build's worth (reused while the sources stay the same) and no more.
 */
export function pruneBuildCache(podman: Podman, name: string, used: string[]): string[] {
  const labelled = podman
    .run(['images', '--all', '--quiet', '--no-trunc', `--filter=label=${BUILD_CACHE_LABEL}=${name}`])
    .split('\n')
    .map((id) => id.trim().replace(/^sha256:/, ''))
    .filter(Boolean);
  const stale = labelled.filter((id) => !used.some((layer) => id.startsWith(layer)));
  // Newest first, so a layer goes before the one it was built on.
  if (stale.length > 0) podman.attempt(['rmi', ...stale]);
  return stale;
}
