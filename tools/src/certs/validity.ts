/** Validity windows: backdated a few minutes for clock skew, never outliving the issuing CA. */
export const DAY_MS = 86_400_000;
const BACKDATE_MS = 5 * 60_000;

export interface Validity {
  notBefore: Date;
  notAfter: Date;
}

const wholeSeconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000);

export function validityFor(days: number, now = new Date(), issuerNotAfter?: Date): Validity {
  const notAfter = now.getTime() + days * DAY_MS;
  return {
    notBefore: wholeSeconds(now.getTime() - BACKDATE_MS),
    notAfter: wholeSeconds(issuerNotAfter ? Math.min(notAfter, issuerNotAfter.getTime()) : notAfter),
  };
}
