import { checkClientCertificate } from './client-cert-checks';
import { CaAsClientCertError, CertificateValidityError, KeyMismatchError } from '../errors/profile-errors';
import type { PemSetting } from './pem-setting';
import { caCertificatePem, certificatePem, privateKeyPem, unrelatedPrivateKeyPem } from '../testing/pem-fixtures';

const setting = (variable: string, pem: string): PemSetting => ({
  origin: { variable, source: 'apps/x/.env' },
  display: `${variable.toLowerCase()}.pem`,
  pem,
});
const cert = (pem = certificatePem()) => setting('TEMPORAL_TLS_CLIENT_CERT_PATH', pem);
const key = (pem = privateKeyPem()) => setting('TEMPORAL_TLS_CLIENT_KEY_PATH', pem);

describe('checkClientCertificate', () => {
  it('accepts a leaf certificate with its own key inside its validity window', () => {
    expect(() => checkClientCertificate(cert(), key())).not.toThrow();
  });

  it('refuses a key that belongs to another certificate, naming both variables', () => {
    const check = () => checkClientCertificate(cert(), key(unrelatedPrivateKeyPem()));
    expect(check).toThrow(KeyMismatchError);
    expect(check).toThrow(
      /TEMPORAL_TLS_CLIENT_KEY_PATH \(from apps\/x\/\.env\) does not belong to the certificate in TEMPORAL_TLS_CLIENT_CERT_PATH/,
    );
  });

  it('refuses a CA certificate where the client certificate belongs', () => {
    const check = () => checkClientCertificate(cert(caCertificatePem()), key());
    expect(check).toThrow(CaAsClientCertError);
    expect(check).toThrow(/holds a CA certificate, but a client certificate belongs there/);
  });

  it('refuses an expired certificate with its dates and how to renew it', () => {
    const check = () => checkClientCertificate(cert(), key(), new Date('2200-01-01T00:00:00Z'));
    expect(check).toThrow(CertificateValidityError);
    expect(check).toThrow(/is expired \(valid from .* to 2126-/);
    expect(check).toThrow(/Fix: renew it/);
  });

  it('refuses a certificate that is not valid yet, pointing at the clock', () => {
    const check = () => checkClientCertificate(cert(), key(), new Date('2000-01-01T00:00:00Z'));
    expect(check).toThrow(/is not yet valid/);
    expect(check).toThrow(/check this machine's clock/);
  });
});
