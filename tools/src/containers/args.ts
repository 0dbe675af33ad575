import { defineCommand } from '../cli/command';

export const CONTAINERS_COMMAND = defineCommand({
  usage: 'node tools/dist/containers/cli.js',
  positionals: 'base-image',
  summary:
    "Makes (once) and prints a local base image for the apps' Dockerfiles on a machine without a container " +
    "registry: Debian bookworm from Debian's packages (mmdebstrap) with this machine's Node and npm, imported " +
    'into podman. Build an app image on it with: podman build --network=host -f apps/<app>/Dockerfile ' +
    '--build-arg APP=<app> --build-arg BASE_IMAGE=<printed tag> .',
  options: {},
});
