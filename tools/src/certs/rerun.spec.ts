import { opensslVerify } from './openssl';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLIENT_CA_NAME, createCa } from './ca';
import { CertMaterialError, CertOptionError } from './errors';
import { generateCertificates, type CertificateSet } from './generate';
import { generateKeyPair, privateKeyPem } from './keys';
import { formatSummary } from './summary';
import { generateExpiredClient } from './test-material';
import { DAY_MS } from './validity';
import { x509 } from './x509';

const KEY_LABEL = 'PRIVATE KEY';

const fingerprints = (set: CertificateSet) =>
  Object.fromEntries(set.manifest.entries.map((entry) => [entry.file, entry.sha256]));
const statusOf = (set: CertificateSet, file: string) => set.entries.find((entry) => entry.files.cert === file)?.status;

describe('generateCertificates on an existing folder', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'certs-rerun-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps everything on a second run: same files, same fingerprints', async () => {
    const first = await generateCertificates({ outDir: dir });
    const frontend = readFileSync(join(dir, 'frontend.pem'), 'utf8');
    const second = await generateCertificates({ outDir: dir });
    expect(second.entries.map((entry) => entry.action)).toEqual(Array(6).fill('kept'));
    expect(fingerprints(second)).toEqual(fingerprints(first));
    expect(readFileSync(join(dir, 'frontend.pem'), 'utf8')).toBe(frontend);
  });

  it('adds a new client, signed by the existing client CA, and keeps the rest', async () => {
    const first = await generateCertificates({ outDir: dir });
    const progress: string[] = [];
    const second = await generateCertificates({
      outDir: dir,
      clients: ['billing'],
      onProgress: (line) => progress.push(line),
    });
    const billing = second.entries.find((entry) => entry.files.cert === 'clients/billing.pem');
    expect(billing?.action).toBe('created');
    expect(
      await billing?.certificate.verify({ publicKey: first.entries[1].certificate.publicKey, signatureOnly: true }),
    ).toBe(true);
    expect(second.entries.filter((entry) => entry.action === 'created')).toHaveLength(1);
    expect(progress).toContain(
      'clients/billing.pem: created (CN=billing, ECDSA P-256, until ' +
        billing?.certificate.notAfter.toISOString().slice(0, 10) +
        ')',
    );
    expect(second.manifest.entries.map((entry) => entry.file)).toEqual(
      expect.arrayContaining(['clients/billing.pem', 'clients/billing.key']),
    );

    const third = await generateCertificates({ outDir: dir });
    expect(third.entries.map((entry) => entry.files.cert)).toContain('clients/billing.pem');
    expect(third.entries.every((entry) => entry.action === 'kept')).toBe(true);
  });

  it('replaces everything with force, clients added earlier included', async () => {
    const first = await generateCertificates({ outDir: dir, clients: ['billing'] });
    const forced = await generateCertificates({ outDir: dir, force: true });
    expect(forced.entries.map((entry) => entry.action)).toEqual(Array(7).fill('created'));
    const before = fingerprints(first);
    for (const [file, sha256] of Object.entries(fingerprints(forced))) expect(sha256).not.toBe(before[file]);
    expect(forced.entries.every((entry) => entry.status === 'ok')).toBe(true);
  });

  it('makes a new client CA when its key is gone, and reissues every client it signs; the server side is kept', async () => {
    await generateCertificates({ outDir: dir, clients: ['billing'] });
    unlinkSync(join(dir, 'client-ca.key'));
    const again = await generateCertificates({ outDir: dir });
    const action = (file: string) => again.entries.find((entry) => entry.files.cert === file)?.action;
    expect(['server-ca.pem', 'frontend.pem', 'internode.pem'].map(action)).toEqual(['kept', 'kept', 'kept']);
    expect(
      ['client-ca.pem', 'clients/billing.pem', 'clients/local-mtls.pem', 'clients/system-worker.pem'].map(action),
    ).toEqual(Array(4).fill('created'));
    expect(again.entries.every((entry) => entry.status === 'ok')).toBe(true);
  });

  it('reports certificates expiring within 30 days', async () => {
    const set = await generateCertificates({ outDir: dir, days: 10 });
    expect(set.entries.map((entry) => entry.status)).toEqual(Array(6).fill('expires in 10 d'));
    expect(set.entries.every((entry) => entry.attention)).toBe(true);
    expect(formatSummary(set.entries)).toMatch(
      /^frontend\.pem\s+CN=temporal\.local\s+\d{4}-\d\d-\d\d\s+expires in 10 d$/m,
    );
  });

  it('reports an expired client certificate in the folder as EXPIRED and keeps it', async () => {
    await generateCertificates({ outDir: dir });
    await generateExpiredClient(dir, join(dir, 'clients'), 'old');
    const set = await generateCertificates({ outDir: dir });
    expect(statusOf(set, 'clients/old.pem')).toBe('EXPIRED');
    expect(set.entries.find((entry) => entry.files.cert === 'clients/old.pem')?.action).toBe('kept');
    expect(statusOf(set, 'clients/local-mtls.pem')).toBe('ok');
    expect(formatSummary(set.entries)).toMatch(/^clients\/old\.pem\s+CN=old\s+\S+\s+EXPIRED$/m);
  });

  it('reports a leaf whose key does not match and one not signed by the folder CA', async () => {
    await generateCertificates({ outDir: dir, clients: ['a', 'b'] });
    copyFileSync(join(dir, 'clients/b.key'), join(dir, 'clients/a.key'));
    copyFileSync(join(dir, 'frontend.pem'), join(dir, 'clients/b.pem'));
    copyFileSync(join(dir, 'frontend.key'), join(dir, 'clients/b.key'));
    const set = await generateCertificates({ outDir: dir });
    expect(statusOf(set, 'clients/a.pem')).toBe('key mismatch (clients/a.key)');
    expect(statusOf(set, 'clients/b.pem')).toBe('not signed by client-ca.pem');
  });

  it('refuses a CA whose key does not belong to its certificate', async () => {
    await generateCertificates({ outDir: dir });
    copyFileSync(join(dir, 'client-ca.key'), join(dir, 'server-ca.key'));
    await expect(generateCertificates({ outDir: dir })).rejects.toThrow(CertMaterialError);
    await expect(generateCertificates({ outDir: dir })).rejects.toThrow(
      /server-ca\.key: does not belong to server-ca\.pem/,
    );
  });

  it('reports an expired CA, and refuses to sign new clients with it', async () => {
    await generateCertificates({ outDir: dir });
    const keys = await generateKeyPair('ecdsa');
    const expiredCa = await createCa(CLIENT_CA_NAME, keys, {
      notBefore: new Date(Date.now() - 2 * DAY_MS),
      notAfter: new Date(Date.now() - DAY_MS),
    });
    writeFileSync(join(dir, 'client-ca.pem'), expiredCa.toString('pem'));
    writeFileSync(join(dir, 'client-ca.key'), await privateKeyPem(keys.privateKey));
    const set = await generateCertificates({ outDir: dir });
    expect(statusOf(set, 'client-ca.pem')).toBe('EXPIRED');
    expect(statusOf(set, 'clients/local-mtls.pem')).toBe('not signed by client-ca.pem');
    await expect(generateCertificates({ outDir: dir, clients: ['new'] })).rejects.toThrow(
      /client-ca\.pem: expired on .*, so it cannot sign clients\/new\.pem/,
    );
  });

  it('refuses a certificate file that is not PEM, naming the file', async () => {
    await generateCertificates({ outDir: dir });
    copyFileSync(join(dir, 'manifest.json'), join(dir, 'frontend.pem'));
    await expect(generateCertificates({ outDir: dir })).rejects.toThrow(
      /frontend\.pem: is not a readable PEM certificate/,
    );
  });

  it('makes RSA 2048 material on request, with keyEncipherment on leaves, accepted by openssl', async () => {
    const set = await generateCertificates({ outDir: dir, algorithm: 'rsa', serverName: 'temporal.example' });
    expect(set.manifest.entries.every((entry) => entry.algorithm === 'RSA 2048')).toBe(true);
    const frontend = new x509.X509Certificate(readFileSync(join(dir, 'frontend.pem'), 'utf8'));
    expect(frontend.subject).toBe('CN=temporal.example');
    expect(frontend.getExtension(x509.KeyUsagesExtension)?.usages).toBe(
      x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
    );
    expect(readFileSync(join(dir, 'frontend.key'), 'utf8')).toMatch(new RegExp(`^-----BEGIN ${KEY_LABEL}-----\\n`));
    const verify = (ca: string, file: string) => opensslVerify(join(dir, ca), join(dir, file));
    expect(verify('server-ca.pem', 'frontend.pem')).toContain(': OK');
    expect(verify('client-ca.pem', 'clients/local-mtls.pem')).toContain(': OK');
  });

  it('refuses bad options before touching the folder', async () => {
    await expect(generateCertificates({ outDir: dir, clients: ['a/b'] })).rejects.toThrow(CertOptionError);
    await expect(generateCertificates({ outDir: dir, days: 0 })).rejects.toThrow(/days is 0/);
    await expect(generateCertificates({ outDir: dir, serverName: 'bad name' })).rejects.toThrow(/not a DNS name/);
  });
});
