import { UsageError } from './errors';

/** A flag's value as a whole number of at least 1, e.g. `--runs 5`. */
export function parseCount(flag: string, text: string): number {
  const count = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(count >= 1))
    throw new UsageError(`--${flag} is "${text}", not a whole number of at least 1.`, `give e.g. --${flag} 5`);
  return count;
}
