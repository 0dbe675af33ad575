import { join } from 'node:path';
import { CERTS_DIR_VARIABLE } from '../certs/layout';
import { startCommand } from './app-process';

const PRINT_CA = 'console.log(`ca=${process.env.TEMPORAL_TLS_SERVER_CA_CERT_PATH ?? "unset"}`)';
const moved = '/tmp/run-certs';

/** What a program started here sees as its server CA path. */
async function caSeen(args: string[], env: Record<string, string> = {}, envDir?: string): Promise<string> {
  const run = startCommand(process.execPath, ['-e', PRINT_CA, '--', ...args], { env, envDir });
  await run.exited;
  return /ca=(.*)/.exec(run.output())?.[1] ?? run.output();
}

describe('the processes the tools and tests start, with SAMPLES_CERTS_DIR set', () => {
  const saved = process.env[CERTS_DIR_VARIABLE];
  beforeEach(() => {
    process.env[CERTS_DIR_VARIABLE] = moved;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env[CERTS_DIR_VARIABLE];
    else process.env[CERTS_DIR_VARIABLE] = saved;
  });

  it("give a tool run with --env-dir <app> that app's certificate paths in the moved folder", async () => {
    expect(await caSeen(['--env-dir', 'apps/local-mtls'])).toBe(join(moved, 'server-ca.pem'));
    expect(await caSeen(['--env-dir', 'apps/plain'])).toBe('unset');
    expect(await caSeen([])).toBe('unset');
  });

  it('give an app (envDir) the same, and let what the caller sets win', async () => {
    expect(await caSeen([], {}, 'apps/local-mtls')).toBe(join(moved, 'server-ca.pem'));
    expect(await caSeen([], { TEMPORAL_TLS_SERVER_CA_CERT_PATH: '/own/ca.pem' }, 'apps/local-mtls')).toBe(
      '/own/ca.pem',
    );
  });

  it('change nothing when the folder has not moved', async () => {
    delete process.env[CERTS_DIR_VARIABLE];
    expect(await caSeen(['--env-dir', 'apps/local-mtls'])).toBe('unset');
    expect(await caSeen([], {}, 'apps/local-mtls')).toBe('unset');
  });
});
