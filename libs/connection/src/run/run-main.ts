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

export function formatFailure(error: unknown): string {
  const explained = error instanceof ErrorWithFix ? error : explainLate(error);
  const { app } = contextOf(error);
  const diagnose = app ? `\n  Diagnose: npx nx run ${app}:doctor` : '';
  if (explained) return `✗ ${explained.problem}\n  Fix: ${explained.fix}${diagnose}`;
  if (error instanceof Error) return `✗ ${error.name}: ${error.message}`;
  return `✗ ${String(error)}`;
}

/** Runs an app's entry point; any failure is printed as one clear message and exits non-zero. */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => flushTraces().then(() => process.exit(0)),
    (error: unknown) => {
      console.error(formatFailure(error));
      void flushTraces().then(() => process.exit(1));
    },
  );
}
