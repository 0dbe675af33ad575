import { SetupError } from './errors';

export function formatFailure(error: unknown): string {
  if (error instanceof SetupError) return `✗ ${error.problem}\n  Fix: ${error.fix}`;
  if (error instanceof Error) return `✗ ${error.name}: ${error.message}`;
  return `✗ ${String(error)}`;
}

/** Runs an app's entry point; any failure is printed as one clear message and exits non-zero. */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(formatFailure(error));
      process.exit(1);
    },
  );
}
