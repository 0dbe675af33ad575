import { connectionOptions } from './connection-options';
import { API_KEY_AND_CERTIFICATE_NOTICE, loadProfile } from '../profile/load-profile';
import { certificatePem, privateKeyPem } from '../testing/pem-fixtures';
import { dotenv, Sandbox } from '../testing/sandbox';
import { loadClientConnectConfig } from './client-connect-config';

const BASE = { TEMPORAL_ADDRESS: 'my-ns.a1b2c.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'my-ns.a1b2c' };

describe('connectionOptions', () => {
  let sandbox: Sandbox;
  beforeEach(() => (sandbox = new Sandbox()));
  afterEach(() => sandbox.cleanup());

  const load = (vars: Record<string, string>) => loadProfile({ env: sandbox.env({ ...BASE, ...vars }) });

  it('gives a plaintext connection tls: false, no API key and only the temporal-namespace header', () => {
    expect(connectionOptions(load({}))).toEqual({
      address: 'my-ns.a1b2c.tmprl.cloud:7233',
      tls: false,
      apiKey: undefined,
      metadata: { 'temporal-namespace': 'my-ns.a1b2c' },
    });
  });

  it('gives the client cert pair as Buffers of the PEM text', () => {
    const [cert, key] = [certificatePem(), privateKeyPem()];

    const { tls } = connectionOptions(load({ TEMPORAL_TLS_CLIENT_CERT_DATA: cert, TEMPORAL_TLS_CLIENT_KEY_DATA: key }));

    expect(tls && tls.clientCertPair).toEqual({ crt: Buffer.from(cert), key: Buffer.from(key) });
  });

  it('gives the server CA as a Buffer and the server name as serverNameOverride', () => {
    const ca = certificatePem();

    const { tls } = connectionOptions(
      load({ TEMPORAL_TLS_SERVER_CA_CERT_DATA: ca, TEMPORAL_TLS_SERVER_NAME: 'internal.example.com' }),
    );

    expect(tls).toMatchObject({ serverRootCACertificate: Buffer.from(ca), serverNameOverride: 'internal.example.com' });
    expect(tls && tls.clientCertPair).toBeUndefined();
  });

  it('passes the API key and gRPC metadata through', () => {
    const options = connectionOptions(
      load({ TEMPORAL_API_KEY: 'secret-api-key', TEMPORAL_GRPC_META_X_TENANT: 'acme' }),
    );

    expect(options.apiKey).toBe('secret-api-key');
    expect(options.metadata).toEqual({ 'temporal-namespace': 'my-ns.a1b2c', 'x-tenant': 'acme' });
  });

  it('sends both the API key and the client certificate when both are set, and says which authorizes', () => {
    const notices: string[] = [];
    const profile = loadProfile({
      env: sandbox.env({
        ...BASE,
        TEMPORAL_API_KEY: 'secret-api-key',
        TEMPORAL_TLS_CLIENT_CERT_DATA: certificatePem(),
        TEMPORAL_TLS_CLIENT_KEY_DATA: privateKeyPem(),
      }),
      onNotice: (notice) => notices.push(notice),
    });

    const options = connectionOptions(profile);

    expect(options.apiKey).toBe('secret-api-key');
    expect(options.tls && options.tls.clientCertPair).toBeDefined();
    expect(notices).toContain(API_KEY_AND_CERTIFICATE_NOTICE);
    expect(API_KEY_AND_CERTIFICATE_NOTICE).toMatch(/the API key is what authorizes the call/);
  });
});

describe('loadClientConnectConfig', () => {
  it("has the shape of @temporalio/envconfig's result, from the app's profile", () => {
    const sandbox = new Sandbox();
    try {
      const appDir = sandbox.app('app', {
        '.env': dotenv({ TEMPORAL_ADDRESS: 'localhost', TEMPORAL_NAMESPACE: 'samples', TEMPORAL_API_KEY: 'k' }),
      });
      const config = loadClientConnectConfig({ envDir: appDir, env: sandbox.env() });
      expect(config).toEqual({
        namespace: 'samples',
        connectionOptions: expect.objectContaining({ address: 'localhost:7233', apiKey: 'k', tls: {} }),
      });
    } finally {
      sandbox.cleanup();
    }
  });
});
