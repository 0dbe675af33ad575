import { parseDuration } from '../cli/duration';
import { UsageError } from '../cli/errors';

const DAY_SECONDS = 24 * 60 * 60;

/** `--retention` as the Temporal CLI takes it (`72h`, `3d`), or a bare number of days as this tool always did. */
export function parseRetentionDays(text: string): number {
  const seconds = /^\d+$/.test(text.trim()) ? Number(text) * DAY_SECONDS : parseDuration(text);
  if (seconds === undefined || seconds < DAY_SECONDS) {
    throw new UsageError(
      `--retention is "${text}", not a duration of at least one day.`,
      'give e.g. --retention 72h (or 3d, or 3 for days)',
    );
  }
  return seconds / DAY_SECONDS;
}
