import { opensslVerify } from './openssl';
import { X509Certificate as NodeCertificate, createPrivateKey, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCertificates, type CertificateSet } from './generate';
import { DAY_MS } from './validity';
import { x509 } from './x509';

const KEY_LABEL = 'PRIVATE KEY';

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const certOf = (dir: string, file: string) => new x509.X509Certificate(read(dir, file));
const sans = (cert: x509.X509Certificate) =>
  cert.getExtension(x509.SubjectAlternativeNameExtension)?.names.items.map((name) => `${name.type}:${name.value}`) ??
  [];
const ekus = (cert: x509.X509Certificate) => cert.getExtension(x509.ExtendedKeyUsageExtension)?.usages ?? [];

describe('generateCertificates (ECDSA, defaults)', () => {
  let dir: string;
  let set: CertificateSet;
  const progress: string[] = [];
  const started = new Date();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'certs-'));
    set = await generateCertificates({ outDir: dir, clients: ['x'], onProgress: (line) => progress.push(line) });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes exactly the expected files', () => {
    expect(readdirSync(dir).sort()).toEqual(
      [
        'client-ca.key',
        'client-ca.pem',
        'clients',
        'frontend.key',
        'frontend.pem',
        'internode.key',
        'internode.pem',
        'manifest.json',
        'server-ca.key',
        'server-ca.pem',
      ].sort(),
    );
    expect(readdirSync(join(dir, 'clients')).sort()).toEqual([
      'local-mtls.key',
      'local-mtls.pem',
      'system-worker.key',
      'system-worker.pem',
      'x.key',
      'x.pem',
    ]);
    expect(set.entries.map((entry) => entry.files.cert)).toEqual([
      'server-ca.pem',
      'client-ca.pem',
      'frontend.pem',
      'internode.pem',
      'clients/local-mtls.pem',
      'clients/system-worker.pem',
      'clients/x.pem',
    ]);
    expect(set.entries.every((entry) => entry.action === 'created' && entry.status === 'ok')).toBe(true);
  });

  it.each([
    ['server-ca.pem', 'CN=Temporal Local Server CA'],
    ['client-ca.pem', 'CN=Temporal Local Client CA'],
  ])('%s is a self-signed CA with critical CA:true and keyCertSign+cRLSign', async (file, subject) => {
    const ca = certOf(dir, file);
    expect(ca.subject).toBe(subject);
    expect(ca.issuer).toBe(subject);
    expect(await ca.verify({ publicKey: ca.publicKey, signatureOnly: true })).toBe(true);
    const constraints = ca.getExtension(x509.BasicConstraintsExtension);
    expect(constraints).toMatchObject({ ca: true, critical: true });
    const usage = ca.getExtension(x509.KeyUsagesExtension);
    expect(usage?.critical).toBe(true);
    expect(usage?.usages).toBe(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign);
    expect(ca.publicKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
  });

  it('uses separate keys for the server CA and the client CA', () => {
    const spki = (file: string) => Buffer.from(certOf(dir, file).publicKey.rawData).toString('hex');
    expect(spki('server-ca.pem')).not.toBe(spki('client-ca.pem'));
  });

  it('signs frontend.pem with the server CA: loopback and server-name SANs, serverAuth only', async () => {
    const cert = certOf(dir, 'frontend.pem');
    expect(await cert.verify({ publicKey: certOf(dir, 'server-ca.pem').publicKey, signatureOnly: true })).toBe(true);
    expect(await cert.verify({ publicKey: certOf(dir, 'client-ca.pem').publicKey, signatureOnly: true })).toBe(false);
    expect(cert.subject).toBe('CN=temporal.local');
    expect(cert.issuer).toBe('CN=Temporal Local Server CA');
    expect(sans(cert).sort()).toEqual(['dns:localhost', 'dns:temporal.local', 'ip:127.0.0.1', 'ip:::1'].sort());
    expect(ekus(cert)).toEqual([x509.ExtendedKeyUsage.serverAuth]);
    expect(cert.getExtension(x509.KeyUsagesExtension)?.usages).toBe(x509.KeyUsageFlags.digitalSignature);
    expect(cert.getExtension(x509.BasicConstraintsExtension)).toMatchObject({ ca: false, critical: true });
  });

  it('signs internode.pem with the server CA, for serverAuth and clientAuth', async () => {
    const cert = certOf(dir, 'internode.pem');
    expect(await cert.verify({ publicKey: certOf(dir, 'server-ca.pem').publicKey, signatureOnly: true })).toBe(true);
    expect(sans(cert).sort()).toEqual(
      ['dns:internode.temporal.local', 'dns:localhost', 'ip:127.0.0.1', 'ip:::1'].sort(),
    );
    expect([...ekus(cert)].sort()).toEqual([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth].sort());
  });

  it.each(['local-mtls', 'system-worker', 'x'])(
    'signs clients/%s.pem with the client CA, for clientAuth only',
    async (name) => {
      const cert = certOf(dir, `clients/${name}.pem`);
      expect(await cert.verify({ publicKey: certOf(dir, 'client-ca.pem').publicKey, signatureOnly: true })).toBe(true);
      expect(await cert.verify({ publicKey: certOf(dir, 'server-ca.pem').publicKey, signatureOnly: true })).toBe(false);
      expect(cert.subject).toBe(`CN=${name}`);
      expect(ekus(cert)).toEqual([x509.ExtendedKeyUsage.clientAuth]);
      expect(cert.getExtension(x509.KeyUsagesExtension)?.usages).toBe(x509.KeyUsageFlags.digitalSignature);
      expect(cert.getExtension(x509.BasicConstraintsExtension)).toMatchObject({ ca: false });
    },
  );

  it('builds each leaf chain up to its own CA', async () => {
    const builder = new x509.X509ChainBuilder({
      certificates: [certOf(dir, 'server-ca.pem'), certOf(dir, 'client-ca.pem')],
    });
    expect((await builder.build(certOf(dir, 'frontend.pem'))).map((cert) => cert.subject)).toEqual([
      'CN=temporal.local',
      'CN=Temporal Local Server CA',
    ]);
    expect((await builder.build(certOf(dir, 'clients/x.pem'))).map((cert) => cert.subject)).toEqual([
      'CN=x',
      'CN=Temporal Local Client CA',
    ]);
  });

  it('makes every certificate valid from now for 365 days', () => {
    for (const { certificate } of set.entries) {
      expect(certificate.notBefore.getTime()).toBeLessThanOrEqual(started.getTime());
      expect(certificate.notBefore.getTime()).toBeGreaterThan(started.getTime() - 10 * 60_000);
      expect(Math.abs(certificate.notAfter.getTime() - (started.getTime() + 365 * DAY_MS))).toBeLessThan(60_000);
    }
  });

  it('writes keys as PKCS#8 PEM with mode 0600, certificates and manifest 0644, each leaf file holding one certificate', () => {
    for (const { files } of set.entries) {
      expect(read(dir, files.key)).toMatch(
        new RegExp(`^-----BEGIN ${KEY_LABEL}-----\\n[\\s\\S]+-----END ${KEY_LABEL}-----\\n$`),
      );
      expect(statSync(join(dir, files.key)).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, files.cert)).mode & 0o777).toBe(0o644);
      expect(read(dir, files.cert).match(/BEGIN CERTIFICATE/g)).toHaveLength(1);
    }
    expect(statSync(join(dir, 'manifest.json')).mode & 0o777).toBe(0o644);
  });

  it('pairs every key with its certificate (sign with the key, verify with the certificate)', () => {
    const data = Buffer.from('proof of possession');
    for (const { files } of set.entries) {
      const signature = sign('sha256', data, createPrivateKey(read(dir, files.key)));
      expect(verify('sha256', data, new NodeCertificate(read(dir, files.cert)).publicKey, signature)).toBe(true);
    }
  });

  it('writes a manifest entry per file with subject, issuer, fingerprint, validity and algorithm', () => {
    const manifest = JSON.parse(read(dir, 'manifest.json'));
    expect(manifest).toEqual(JSON.parse(JSON.stringify(set.manifest)));
    expect(manifest.entries).toHaveLength(14);
    for (const { files, kind, certificate } of set.entries) {
      const node = new NodeCertificate(read(dir, files.cert));
      expect(manifest.entries).toContainEqual({
        file: files.cert,
        kind,
        subject: certificate.subject,
        issuer: certificate.issuer,
        sha256: node.fingerprint256,
        notBefore: certificate.notBefore.toISOString(),
        notAfter: certificate.notAfter.toISOString(),
        algorithm: 'ECDSA P-256',
      });
      expect(manifest.entries).toContainEqual(
        expect.objectContaining({
          file: files.key,
          kind: 'key',
          subject: certificate.subject,
          certificate: files.cert,
          algorithm: 'ECDSA P-256',
        }),
      );
    }
    expect(manifest.entries.find((entry: { file: string }) => entry.file === 'clients/x.pem').kind).toBe('client');
    expect(manifest.entries.find((entry: { file: string }) => entry.file === 'frontend.pem').kind).toBe('server');
  });

  it('never reports key material in progress lines or the manifest', () => {
    const secrets = set.entries.map(({ files }) => read(dir, files.key).split('\n')[1]);
    const reported = progress.join('\n') + read(dir, 'manifest.json');
    expect(reported).not.toContain('PRIVATE KEY');
    for (const secret of secrets) expect(reported).not.toContain(secret.slice(0, 24));
  });

  it('is accepted by openssl verify, with the right purposes', () => {
    const verify = (ca: string, purpose: string, file: string) =>
      opensslVerify(join(dir, ca), join(dir, file), purpose);
    expect(verify('server-ca.pem', 'sslserver', 'frontend.pem')).toContain(': OK');
    expect(verify('server-ca.pem', 'sslserver', 'internode.pem')).toContain(': OK');
    expect(verify('server-ca.pem', 'sslclient', 'internode.pem')).toContain(': OK');
    expect(verify('client-ca.pem', 'sslclient', 'clients/x.pem')).toContain(': OK');
    expect(() => opensslVerify(join(dir, 'server-ca.pem'), join(dir, 'clients/x.pem'))).toThrow(
      /verification failed|error/i,
    );
    expect(() => opensslVerify('client-ca.pem', 'sslserver', 'clients/x.pem')).toThrow();
  });
});
