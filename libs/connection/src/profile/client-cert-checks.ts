import { createPrivateKey, X509Certificate } from 'node:crypto';
import {
  CaAsClientCertError,
  CertificateValidityError,
  ClientCertUsageError,
  KeyMismatchError,
  NotPemError,
} from '../errors/profile-errors';
import type { PemSetting } from './pem-setting';

const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const ANY_USAGE = '2.5.29.37.0';

function firstCertificate(setting: PemSetting): X509Certificate {
  try {
    return new X509Certificate(setting.pem);
  } catch {
    throw new NotPemError(setting.origin, 'CERTIFICATE', 'its PEM block is not a readable X.509 certificate');
  }
}

/**
 * What can be known about a client certificate before dialing: it is a leaf meant for client
 * authentication, its key matches, and today is inside its validity window. The server checks
 * the rest (its issuer, above all).
 */
export function checkClientCertificate(cert: PemSetting, key: PemSetting, now = new Date()): void {
  const x509 = firstCertificate(cert);
  if (x509.ca) throw new CaAsClientCertError(cert.origin);
  const usages = x509.keyUsage;
  if (usages && usages.length > 0 && !usages.includes(CLIENT_AUTH) && !usages.includes(ANY_USAGE)) {
    throw new ClientCertUsageError(cert.origin);
  }
  let matches: boolean;
  try {
    matches = x509.checkPrivateKey(createPrivateKey(key.pem));
  } catch {
    throw new NotPemError(key.origin, 'PRIVATE KEY', 'its PEM block is not a readable private key');
  }
  if (!matches) throw new KeyMismatchError(cert.origin, key.origin);
  const validFrom = new Date(x509.validFrom);
  const validTo = new Date(x509.validTo);
  if (now > validTo)
    throw new CertificateValidityError(cert.origin, 'expired', validFrom.toISOString(), validTo.toISOString());
  if (now < validFrom)
    throw new CertificateValidityError(cert.origin, 'not yet valid', validFrom.toISOString(), validTo.toISOString());
}
