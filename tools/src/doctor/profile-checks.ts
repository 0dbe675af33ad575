import {
  ErrorWithFix,
  resolveProfile,
  mergeLayers,
  readEnvLayers,
  type LoadProfileOptions,
  type Profile,
} from '@temporal-samples/connection';
import { shownValue } from '@temporal-samples/connection/tools';
import { fail, pass, type CheckResult } from './check';
import { closestKnownName, isKnownName } from './known-names';

export interface ProfileCheck {
  results: CheckResult[];
  profile?: Profile;
}

function unknownNames(options: LoadProfileOptions): CheckResult[] {
  const merged = mergeLayers(readEnvLayers(options.envDir, options.env ?? process.env, options.envFile));
  return Object.keys(merged.vars)
    .filter((name) => name.startsWith('TEMPORAL_') && !isKnownName(name))
    .map((name) =>
      fail(
        'profile',
        'variable names',
        `${name} (from ${merged.sourceOf[name]}) is not a name Temporal reads.`,
        `did you mean ${closestKnownName(name)}? Rename it.`,
      ),
    );
}

/** Every value and where it came from (secrets redacted; a credential's file, variable or secret id), unknown TEMPORAL_* names, and the profile's own validation. */
export async function checkProfile(options: LoadProfileOptions): Promise<ProfileCheck> {
  const notices: string[] = [];
  let typos: CheckResult[] = [];
  try {
    typos = unknownNames(options);
    const profile = await resolveProfile({ ...options, onNotice: (notice) => notices.push(notice) });
    const values = profile.entries.map((entry) =>
      pass('profile', entry.variable, `${shownValue(entry)} (${entry.source})`),
    );
    const results = [...values, ...notices.map((notice) => pass('profile', 'notice', notice)), ...typos];
    if (typos.length === 0)
      results.push(pass('profile', 'variable names', 'every TEMPORAL_* name is one Temporal reads'));
    return { results, profile };
  } catch (error) {
    if (!(error instanceof ErrorWithFix)) throw error;
    return { results: [...typos, fail('profile', error.kind, error.problem, error.fix)] };
  }
}
