import { explainPermissionDenied, isPermissionDenied } from '../diagnose/explain-permission';
import { ErrorWithFix } from '../errors/error-with-fix';
import { contextOf } from '../errors/failure-context';
import { flushTraces } from '../telemetry/tracing';

/** A refusal after connecting (e.g. starting a workflow with a read-only key), explained with the profile it carries. */
function explainLate(error: unknown): ErrorWithFix | undefined {
  const { profile } = contextOf(error);
  if (!profile || !isPermissionDenied(error)) return undefined;
  const operation = error instanceof Error && /start/i.test(error.message) ? 'start a workflow' : 'run this call';
  return explainPermissionDenied(profile, operation);
}

/** What went wrong, what to do and where to look next, for a person or a log line. */
export interface FailureReport {
  problem: string;
  fix?: string;
  diagnose?: string;
}

export function describeFailure(error: unknown): FailureReport {
  const explained = error instanceof ErrorWithFix ? error : explainLate(error);
  const { app } = contextOf(error);
  const diagnose = app ? `npx nx run ${app}:doctor` : undefined;
  if (explained) return { problem: explained.problem, fix: explained.fix, ...(diagnose ? { diagnose } : {}) };
  if (error instanceof Error) return { problem: `${error.name}: ${error.message}` };
  return { problem: String(error) };
}

export function formatFailure(error: unknown): string {
  const { problem, fix, diagnose } = describeFailure(error);
  return [`✗ ${problem}`, ...(fix ? [`  Fix: ${fix}`] : []), ...(diagnose ? [`  Diagnose: ${diagnose}`] : [])].join(
    '\n',
  );
}

/** A failure the entry point has already written to its own log (e.g. as JSON); runMain only exits non-zero. */
export class ReportedFailure extends Error {
  constructor(readonly reported: unknown) {
    super(describeFailure(reported).problem, { cause: reported });
    this.name = 'ReportedFailure';
  }
}

/** Runs an app's entry point; any failure is printed as one clear message and exits non-zero. */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => flushTraces().then(() => process.exit(0)),
    (error: unknown) => {
      if (!(error instanceof ReportedFailure)) console.error(formatFailure(error));
      void flushTraces().then(() => process.exit(1));
    },
  );
}
