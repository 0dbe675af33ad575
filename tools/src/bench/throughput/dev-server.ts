import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCommand } from '../../apps/app-process';
import { freePort, isListening } from '../../cluster/ports';
import { ensureCliBinary } from '../../temporal-cli/cli-binary';

export interface DevServer {
  address: string;
  stop(): Promise<void>;
}

/** `temporal server start-dev` from the cached CLI, headless and in memory: what people run instead of a local cluster. */
export async function startDevServer(namespace: string): Promise<DevServer> {
  const cli = await ensureCliBinary();
  const port = await freePort();
  const home = mkdtempSync(join(tmpdir(), 'temporal-cli-home-'));
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--headless'];
  const server = startCommand(cli, [...args, '--namespace', namespace, '--log-level', 'error'], {
    env: { HOME: home },
  });
  const deadline = Date.now() + 60_000;
  while (!(await isListening(port))) {
    if (Date.now() > deadline) throw new Error(`start-dev did not listen within 60 s:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    address: `127.0.0.1:${port}`,
    async stop() {
      await server.stop('SIGTERM');
      rmSync(home, { recursive: true, force: true });
    },
  };
}
