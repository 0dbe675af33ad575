import { defineCommand } from '../cli/command';

export const PREPARE_COMMAND = defineCommand({
  usage: 'npx nx run tools:prepare --',
  summary:
    'Prepares this machine for the tests: builds the Temporal server, its SQL tool, the UI server and the CLI ' +
    'from their Go modules once (cached under ~/.cache/temporal-sample-workers), installs moto[server] from PyPI ' +
    "into a virtual environment there (the Secrets Manager tests' emulator) and installs Debian's " +
    'chromium, openssl, postgresql, podman, runc, mmdebstrap and gcc when missing, and makes the local container ' +
    'base image the image test builds on (once; no registry needed).',
  options: {},
});
