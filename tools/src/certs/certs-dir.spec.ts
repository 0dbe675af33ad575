import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appDir, WORKSPACE_ROOT } from '../apps/workspace-root';
import { CLOUD_LIKE } from '../cluster/cloud-like';
import { appCertsEnv } from './app-certs-env';
import { CertsDirError } from './errors';
import { certificatePaths, certsDir, CERTS_DIR_VARIABLE, DEFAULT_CERTS_DIR } from './layout';
import { resolveOptions } from './options';

describe('SAMPLES_CERTS_DIR, the certificate folder of the tools', () => {
  let scratch: string;
  const saved = process.env[CERTS_DIR_VARIABLE];

  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'certs-dir-'));
  });

  afterEach(() => {
    if (saved === undefined) delete process.env[CERTS_DIR_VARIABLE];
    else process.env[CERTS_DIR_VARIABLE] = saved;
    rmSync(scratch, { recursive: true, force: true });
  });

  it("is the workspace's certs/ when unset or blank", () => {
    expect(DEFAULT_CERTS_DIR).toBe(join(WORKSPACE_ROOT, 'certs'));
    expect(certsDir({})).toBe(DEFAULT_CERTS_DIR);
    expect(certsDir({ [CERTS_DIR_VARIABLE]: ' ' })).toBe(DEFAULT_CERTS_DIR);
  });

  it('is the folder it names, a relative one read from the workspace root, made later when missing', () => {
    expect(certsDir({ [CERTS_DIR_VARIABLE]: scratch })).toBe(scratch);
    expect(certsDir({ [CERTS_DIR_VARIABLE]: 'tmp/run-certs' })).toBe(join(WORKSPACE_ROOT, 'tmp', 'run-certs'));
  });

  it('refuses a file, naming the setting, its value and the fix', () => {
    const file = join(scratch, 'not-a-folder');
    writeFileSync(file, '');
    expect(() => certsDir({ [CERTS_DIR_VARIABLE]: file })).toThrow(CertsDirError);
    expect(() => certsDir({ [CERTS_DIR_VARIABLE]: file })).toThrow(
      `SAMPLES_CERTS_DIR (from the process environment) is "${file}", which is a file (${file}), not a folder.\n  Fix: point SAMPLES_CERTS_DIR at a folder`,
    );
  });

  it('moves what the tools write and read: the certificate tool, the cluster material, the cloud-like set', () => {
    process.env[CERTS_DIR_VARIABLE] = scratch;
    expect(resolveOptions({}).outDir).toBe(scratch);
    expect(certificatePaths().serverCa.cert).toBe(join(scratch, 'server-ca.pem'));
    expect(CLOUD_LIKE.certsDir).toBe(join(scratch, 'cloud-like'));
    delete process.env[CERTS_DIR_VARIABLE];
    expect(resolveOptions({}).outDir).toBe(DEFAULT_CERTS_DIR);
    expect(CLOUD_LIKE.certsDir).toBe(join(DEFAULT_CERTS_DIR, 'cloud-like'));
  });

  it("points an app's .env paths into certs/ at the moved folder, as environment overrides", () => {
    expect(appCertsEnv(appDir('local-mtls'), { [CERTS_DIR_VARIABLE]: scratch })).toEqual({
      TEMPORAL_TLS_CLIENT_CERT_PATH: join(scratch, 'clients', 'local-mtls.pem'),
      TEMPORAL_TLS_CLIENT_KEY_PATH: join(scratch, 'clients', 'local-mtls.key'),
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: join(scratch, 'server-ca.pem'),
    });
    expect(appCertsEnv(appDir('plain'), { [CERTS_DIR_VARIABLE]: scratch })).toEqual({});
  });

  it('leaves paths outside certs/ and other settings alone, and everything when the folder has not moved', () => {
    const app = join(scratch, 'app');
    const moved = join(scratch, 'moved');
    mkdirSync(app);
    writeFileSync(
      join(app, '.env'),
      [
        `TEMPORAL_TLS_SERVER_CA_CERT_PATH=${join(DEFAULT_CERTS_DIR, 'cloud-like', 'server-ca.pem')}`,
        `TEMPORAL_TLS_CLIENT_CERT_PATH=${join(scratch, 'own.pem')}`,
        `TEMPORAL_TLS_SERVER_NAME=${join(DEFAULT_CERTS_DIR, 'looks-like-a-path')}`,
      ].join('\n'),
    );
    writeFileSync(
      join(app, '.env.local'),
      `TEMPORAL_TLS_CLIENT_KEY_PATH=${join(DEFAULT_CERTS_DIR, 'clients', 'x.key')}\n`,
    );
    expect(appCertsEnv(app, { [CERTS_DIR_VARIABLE]: moved })).toEqual({
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: join(moved, 'cloud-like', 'server-ca.pem'),
      TEMPORAL_TLS_CLIENT_KEY_PATH: join(moved, 'clients', 'x.key'),
    });
    expect(appCertsEnv(app, {})).toEqual({});
  });
});
