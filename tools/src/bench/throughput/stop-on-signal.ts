import { progress } from '../../cli/progress';

export interface SignalGuard {
  /** Registers a stop to run on a signal; the returned function unregisters it. */
  add(stop: () => Promise<void>): () => void;
  /** After a signal: never settles, so a failure the stopping caused is not reported while the stops run. */
  settleUnlessStopping(error: unknown): Promise<never>;
}

/**
 * On the first Ctrl-C (SIGINT) or SIGTERM, runs the stops still registered, the last added
 * first (a server before the folder its store lives in), then exits 130 or 143. A second
 * signal ends at once.
 */
export function stopOnSignal(): SignalGuard {
  const stops = new Set<() => Promise<void>>();
  let stopping = false;
  const handler = async (signal: NodeJS.Signals) => {
    stopping = true;
    progress(`${signal} received, stopping the servers and removing the benchmark's data...`);
    for (const stop of [...stops].reverse()) await stop().catch((error) => progress(`${error}`));
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return {
    add(stop) {
      stops.add(stop);
      return () => stops.delete(stop);
    },
    settleUnlessStopping: (error) => (stopping ? new Promise<never>(() => undefined) : Promise.reject(error)),
  };
}
