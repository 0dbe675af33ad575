/** What the summary says about each certificate: ok, soon to expire, expired, or broken. */
import type { Issuer } from './ca';
import type { Material } from './issue';
import { keyMatchesCertificate } from './keys';
import { DAY_MS } from './validity';
import type { x509 } from './x509';

export const EXPIRY_WARNING_DAYS = 30;

export interface Status {
  text: string;
  /** False when the status is `ok`. */
  attention: boolean;
}

export function expiryStatus(notAfter: Date, now = new Date()): Status {
  const left = notAfter.getTime() - now.getTime();
  if (left <= 0) return { text: 'EXPIRED', attention: true };
  const days = Math.ceil(left / DAY_MS);
  if (days <= EXPIRY_WARNING_DAYS) return { text: `expires in ${days} d`, attention: true };
  return { text: 'ok', attention: false };
}

export async function materialStatus(material: Material, issuer: Issuer, now: Date): Promise<Status> {
  if (!keyMatchesCertificate(material.keyPem, material.certificate)) {
    return { text: `key mismatch (${material.files.key})`, attention: true };
  }
  if (!(await isSignedBy(material.certificate, issuer.certificate))) {
    return { text: `not signed by ${issuer.file}`, attention: true };
  }
  return expiryStatus(material.certificate.notAfter, now);
}

async function isSignedBy(certificate: x509.X509Certificate, issuer: x509.X509Certificate): Promise<boolean> {
  try {
    return await certificate.verify({ publicKey: issuer.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}
