import { Readiness, type ReadinessOptions } from './readiness';
import { startHealthServer, type HealthServer } from './health-server';
import { RuntimeSettingError, type HealthAddress } from './runtime-settings';

export interface ProcessHealth {
  readiness: Readiness;
  server?: HealthServer;
  close(): Promise<void>;
}

/** Starts the readiness checks and, when an address is set, the /livez and /readyz server. */
export async function serveHealth(
  variable: string,
  address: HealthAddress | undefined,
  options: ReadinessOptions,
  log: (line: string) => void = console.log,
): Promise<ProcessHealth> {
  const readiness = new Readiness(options);
  let server: HealthServer | undefined;
  if (address) {
    try {
      server = await startHealthServer(address, readiness);
    } catch (error) {
      throw new RuntimeSettingError(
        `${variable} is ${address.host}:${address.port}, where the health server cannot listen: ${(error as Error).message}.`,
        `choose a free port (or another process's ${variable}), e.g. ${variable}=127.0.0.1:8081.`,
      );
    }
    log(`Health: ${server.url}/livez and ${server.url}/readyz`);
  }
  readiness.start();
  return {
    readiness,
    server,
    async close() {
      readiness.shuttingDown('stopped');
      await server?.close();
    },
  };
}

/** Marks the process not ready as soon as a shutdown signal arrives; returns the listener's remover. */
export function notReadyOnSignals(readiness: Readiness, signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM']): () => void {
  const onSignal = (signal: NodeJS.Signals) => readiness.shuttingDown(`shutting down (${signal})`);
  signals.forEach((signal) => process.on(signal, onSignal));
  return () => signals.forEach((signal) => process.off(signal, onSignal));
}
