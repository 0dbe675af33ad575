export interface ReadinessStatus {
  ready: boolean;
  reason: string;
}

export interface ReadinessOptions {
  /** Checks that the process can do its work; throws (or rejects) with the reason it cannot. */
  check(): Promise<void>;
  intervalMs?: number;
  /** A check still pending after this long counts as failed. */
  deadlineMs?: number;
  /** What did not answer, for the reason a late check reports, e.g. "no answer from the cluster". */
  silence?: string;
}

export const READINESS_INTERVAL_MS = 3_000;
/** The check's own deadline; the probe gives up a little later, so the check's reason is the one reported. */
export const READINESS_DEADLINE_MS = 2_500;
const PROBE_DEADLINE_MS = READINESS_DEADLINE_MS + 500;

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/**
 * The last result of a periodic, bounded check, for /readyz. Once shutdown begins it answers
 * not ready at once, whatever the last check said.
 */
export class Readiness {
  private status: ReadinessStatus = { ready: false, reason: 'starting' };
  private stopping?: string;
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: ReadinessOptions) {}

  start(): void {
    const run = () => {
      void this.checkOnce().finally(() => {
        if (!this.stopping) this.timer = setTimeout(run, this.options.intervalMs ?? READINESS_INTERVAL_MS);
      });
    };
    run();
  }

  async checkOnce(): Promise<ReadinessStatus> {
    const deadlineMs = this.options.deadlineMs ?? PROBE_DEADLINE_MS;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${this.options.silence ?? 'no answer'} within ${deadlineMs} ms`)),
        deadlineMs,
      );
    });
    try {
      await Promise.race([this.options.check(), late]);
      this.status = { ready: true, reason: 'worker running; cluster answered' };
    } catch (error) {
      this.status = { ready: false, reason: firstLine(error) };
    } finally {
      clearTimeout(timer);
    }
    return this.current();
  }

  /** Not ready from now on, e.g. on SIGTERM. */
  shuttingDown(reason: string): void {
    this.stopping = reason;
    clearTimeout(this.timer);
  }

  current(): ReadinessStatus {
    return this.stopping ? { ready: false, reason: this.stopping } : this.status;
  }
}
