import { createPrivateKey, X509Certificate } from 'node:crypto';
import { CaAsClientCertError, CertificateValidityError, KeyMismatchError, NotPemError } from './errors';
import type { PemSetting } from './pem-setting';

function firstCertificate(setting: PemSetting): X509Certificate {
  try {
    return new X509Certificate(setting.pem);
  } catch {
    throw new NotPemError(setting.origin, 'CERTIFICATE', 'its PEM block is not a readable X.509 certificate');
  }
}

/**
 * What can be known about a client certificate before dialing: it is a leaf, its key matches,
 * and today is inside its validity window. The server checks the rest (its issuer, above all).
 */
export function checkClientCertificate(cert: PemSetting, key: PemSetting, now = new Date()): void {
  const x509 = firstCertificate(cert);
  if (x509.ca) throw new CaAsClientCertError(cert.origin);
  let matches: boolean;
  try {
    matches = x509.checkPrivateKey(createPrivateKey(key.pem));
  } catch {
    throw new NotPemError(key.origin, 'PRIVATE KEY', 'its PEM block is not a readable private key');
  }
  if (!matches) throw new KeyMismatchError(cert.origin, key.origin);
  const validFrom = new Date(x509.validFrom);
  const validTo = new Date(x509.validTo);
  if (now > validTo) throw new CertificateValidityError(cert.origin, 'expired', validFrom.toISOString(), validTo.toISOString());
  if (now < validFrom) throw new CertificateValidityError(cert.origin, 'not yet valid', validFrom.toISOString(), validTo.toISOString());
}
