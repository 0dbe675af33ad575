/** One line of doctor's report: ✓, ! (passed, with a warning) or ✗, what it found, and the fix unless it passed. */
export interface CheckResult {
  section: 'profile' | 'address' | 'tls' | 'temporal';
  name: string;
  ok: boolean;
  warning?: boolean;
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

/** Passes, but says what needs doing soon (e.g. a certificate near its expiry). */
export const warn = (section: CheckResult['section'], name: string, found: string, fix: string): CheckResult => ({
  section,
  name,
  ok: true,
  warning: true,
  found,
  fix,
});
