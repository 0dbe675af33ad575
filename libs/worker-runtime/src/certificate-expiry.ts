import { X509Certificate } from 'node:crypto';
import type { Profile } from '@temporal-samples/connection';

const DAY_MS = 86_400_000;

export interface CertificateValidity {
  subject: string;
  validTo: Date;
  remainingMs: number;
}

/** The client certificate's subject and expiry, or undefined without one (API key or plaintext). */
export function clientCertificateValidity(profile: Profile, now = Date.now()): CertificateValidity | undefined {
  const pem = profile.tls?.clientCert;
  if (!pem) return undefined;
  const x509 = new X509Certificate(pem);
  const validTo = new Date(x509.validTo);
  return { subject: x509.subject.replace(/\n/g, ', '), validTo, remainingMs: validTo.getTime() - now };
}

export function describeRemaining(ms: number): string {
  if (ms <= 0) return 'already expired';
  if (ms >= DAY_MS) return `${(ms / DAY_MS).toFixed(1)} days`;
  return `${(ms / 3_600_000).toFixed(1)} hours`;
}

/** A warning line when the certificate in use expires within the window; undefined otherwise. */
export function expiryWarning(profile: Profile, windowMs: number, now = Date.now()): string | undefined {
  const validity = clientCertificateValidity(profile, now);
  if (!validity || validity.remainingMs > windowMs) return undefined;
  return (
    `warning: the client certificate in use (${validity.subject}) expires at ${validity.validTo.toISOString()}, ` +
    `in ${describeRemaining(validity.remainingMs)}. Replace its files; the worker picks them up without a restart.`
  );
}
