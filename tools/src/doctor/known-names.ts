import { LEGACY_ALIASES, SETTING_NAMES } from '@temporal-samples/connection/tools';

const PREFIX = 'TEMPORAL_';
const FAMILIES = SETTING_NAMES.filter((name) => name.endsWith('*')).map((name) => name.slice(0, -1));

/** Every TEMPORAL_* name something in this project reads (the settings catalogue, older aliases); others are likely typos. */
export const KNOWN_TEMPORAL_NAMES = new Set(
  [...SETTING_NAMES, ...Object.keys(LEGACY_ALIASES)].filter((name) => name.startsWith(PREFIX) && !name.endsWith('*')),
);

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** The known name closest to a misspelt one. */
export function closestKnownName(name: string): string {
  return [...KNOWN_TEMPORAL_NAMES].reduce((best, candidate) =>
    distance(name, candidate) < distance(name, best) ? candidate : best,
  );
}

export const isKnownName = (name: string) =>
  KNOWN_TEMPORAL_NAMES.has(name) || FAMILIES.some((family) => name.startsWith(family));
