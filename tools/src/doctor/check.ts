/** One line of doctor's report: ✓ or ✗, what it found, and the fix when it failed. */
export interface CheckResult {
  section: 'profile' | 'address' | 'tls' | 'temporal';
  name: string;
  ok: boolean;
  found: string;
  fix?: string;
}

export const pass = (section: CheckResult['section'], name: string, found: string): CheckResult => ({
  section,
  name,
  ok: true,
  found,
});

export const fail = (section: CheckResult['section'], name: string, found: string, fix: string): CheckResult => ({
  section,
  name,
  ok: false,
  found,
  fix,
});
