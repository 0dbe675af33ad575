import { DefaultLogger, type Logger } from '@temporalio/worker';
import { formatLogEntry } from './log-lines';
import type { Redactor } from './redaction';
import type { TelemetrySettings } from './telemetry-settings';

export type LineWriter = (line: string) => void;

const toStdout: LineWriter = (line) => process.stdout.write(`${line}\n`);

/** The one logger of a worker process, for the runtime's own lines and the SDK's (the Runtime's logger). */
export function createAppLogger(
  settings: Pick<TelemetrySettings, 'logLevel' | 'logFormat'>,
  redactor: Redactor,
  write: LineWriter = toStdout,
): Logger {
  return new DefaultLogger(settings.logLevel, (entry) =>
    write(redactor.redact(formatLogEntry(entry, settings.logFormat))),
  );
}
