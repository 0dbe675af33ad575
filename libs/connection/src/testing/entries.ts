import type { Profile, ProfileEntry } from '../profile/profile';

/** The profile entry for a variable, or an error naming the variables that are there. */
export function entryFor(profile: Profile, variable: string): ProfileEntry {
  const entry = profile.entries.find((candidate) => candidate.variable === variable);
  if (!entry) throw new Error(`no entry ${variable}; entries: ${profile.entries.map((e) => e.variable).join(', ')}`);
  return entry;
}
