/** Progress lines for long work, on stderr so they never mix with a command's result. */
export function progress(message: string): void {
  process.stderr.write(`» ${message}\n`);
}
