import type { CommandAction } from '../cli/command';
import { progress } from '../cli/progress';
import { ensureServerBinary } from '../cluster/server-binary';
import { ensureSqlToolBinary } from '../cluster/sql-binary';
import { ensurePostgresInstalled } from '../cluster/stores/install-postgres';
import { ensureUiServerBinary } from '../cluster/ui-server-binary';
import { ensureCliBinary } from '../temporal-cli/cli-binary';
import { ensureMoto } from '../secrets-emulator/moto';
import { BASE_SUITE, ensureBaseImage } from '../containers/base-image';
import { podman } from '../containers/podman';
import { ensureSystemProgram, type SystemProgram } from './system-package';
import type { PREPARE_COMMAND } from './args';

/**
 * Programs from Debian that the tests drive: a real browser for the Web UI, openssl as an outside TLS client,
 * podman (with runc) and mmdebstrap to build and run an app's container image without Docker or a registry,
 * and a C compiler for the codec's native sealer (compiled again by the codec's test target).
 */
const SYSTEM_PROGRAMS: SystemProgram[] = [
  {
    command: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
    debianPackage: 'chromium',
    neededFor: 'the Web UI tests',
  },
  { command: 'openssl', debianPackage: 'openssl', neededFor: 'the certificate and doctor tests' },
  { command: 'podman', debianPackage: 'podman', neededFor: 'the container image test' },
  { command: '/usr/sbin/runc', debianPackage: 'runc', neededFor: 'the container image test (podman runs it)' },
  { command: 'mmdebstrap', debianPackage: 'mmdebstrap', neededFor: "the container image test's base image" },
  { command: 'cc', debianPackage: 'gcc', neededFor: "the codec's native sealer and its tests" },
];

/** `npm test`'s preparation: everything the tests need that npm does not install, built or installed once. */
export const prepareAction: CommandAction<typeof PREPARE_COMMAND> = async () => {
  progress(`Temporal server binary: ${await ensureServerBinary()}`);
  progress(`Temporal SQL tool binary: ${await ensureSqlToolBinary()}`);
  progress(`Temporal UI server binary: ${await ensureUiServerBinary()}`);
  progress(`Temporal CLI binary: ${await ensureCliBinary()}`);
  progress(`PostgreSQL programs: ${await ensurePostgresInstalled(progress)}`);
  progress(`moto server (AWS Secrets Manager emulator): ${ensureMoto()}`);
  SYSTEM_PROGRAMS.forEach(ensureSystemProgram);
  progress(`Container base image (Debian ${BASE_SUITE} + this Node, no registry): ${ensureBaseImage(podman())}`);
  progress('Test preparation complete.');
};
