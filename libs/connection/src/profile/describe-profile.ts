import type { Profile, ProfileEntry } from './profile';

const REDACTED = '<redacted>';

/** An entry's value as it may be shown: a secret (per the settings catalogue) never is. */
export const shownValue = (entry: ProfileEntry) => (entry.secret ? REDACTED : entry.value);

/** A table of every resolved value and where it came from; secrets are never shown. */
export function describeProfile(profile: Profile): string {
  const rows = profile.entries.map((entry) => [entry.variable, shownValue(entry), entry.source]);
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column].length)));
  const lines = rows.map(([variable, value, source]) =>
    `  ${variable.padEnd(widths[0])}  ${value.padEnd(widths[1])}  ${source}`.trimEnd(),
  );
  const notices = profile.notices.map((notice) => `  notice: ${notice}`);
  return [...lines, ...notices].join('\n');
}
