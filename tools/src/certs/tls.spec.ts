import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createServer, type TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { generateCertificates } from './generate';
import { generateExpiredClient, generateForeignClient, generateMismatchedClient } from './test-material';

interface Side {
  authorized?: boolean;
  reason?: string;
  peer?: string;
  error?: string;
}

interface Handshake {
  server: Side;
  client: Side & { reply?: string };
}

function peerName(socket: TLSSocket): string | undefined {
  const name = socket.getPeerCertificate().subject?.CN;
  return Array.isArray(name) ? name.join(', ') : name;
}

/**
 * One mTLS exchange on loopback: the server answers "hello" to a client it accepted. With
 * `explain`, the server lets an unauthorized client finish the handshake, to report why.
 */
async function handshake(
  server: { key: string; cert: string; ca: string; explain?: boolean },
  client: { key: string; cert: string; ca: string; servername?: string | null },
): Promise<Handshake> {
  let serverSide!: (side: Side) => void;
  const serverResult = new Promise<Side>((resolve) => (serverSide = resolve));
  const { explain, ...credentials } = server;
  const tlsServer = createServer({ ...credentials, requestCert: true, rejectUnauthorized: !explain }, (socket) => {
    const reason = socket.authorizationError ? { reason: String(socket.authorizationError) } : {};
    serverSide({ authorized: socket.authorized, peer: peerName(socket), ...reason });
    socket.end(socket.authorized ? 'hello' : '');
  });
  tlsServer.on('tlsClientError', (error) => serverSide({ error: error.message }));
  await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
  const { port } = tlsServer.address() as AddressInfo;
  try {
    const clientResult = new Promise<Handshake['client']>((resolve) => {
      let reply = '';
      let side: Side = {};
      const servername = client.servername === null ? {} : { servername: client.servername ?? 'temporal.local' };
      const socket: TLSSocket = connect({
        host: '127.0.0.1',
        port,
        ...servername,
        ca: client.ca,
        key: client.key,
        cert: client.cert,
      });
      socket.on('secureConnect', () => (side = { authorized: socket.authorized, peer: peerName(socket) }));
      socket.on('data', (chunk) => (reply += chunk.toString()));
      socket.on('error', (error) => resolve({ ...side, error: error.message, reply }));
      socket.on('close', () => resolve({ ...side, reply }));
    });
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('handshake timed out')), 10_000).unref(),
    );
    const [serverOutcome, clientOutcome] = await Promise.race([Promise.all([serverResult, clientResult]), timeout]);
    return { server: serverOutcome, client: clientOutcome };
  } finally {
    tlsServer.close();
  }
}

describe.each(['ecdsa', 'rsa'] as const)('generated %s material over real TLS', (algorithm) => {
  let dir: string;
  let scratch: string;
  const file = (name: string) => readFileSync(join(dir, name), 'utf8');
  const frontend = () => ({ key: file('frontend.key'), cert: file('frontend.pem'), ca: file('client-ca.pem') });
  const client = (name: string) => ({
    key: file(`clients/${name}.key`),
    cert: file(`clients/${name}.pem`),
    ca: file('server-ca.pem'),
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `certs-tls-${algorithm}-`));
    scratch = mkdtempSync(join(tmpdir(), `certs-bad-${algorithm}-`));
    await generateCertificates({ outDir: dir, algorithm });
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  it('frontend and client certificates authorize each other', async () => {
    const result = await handshake(frontend(), client('local-mtls'));
    expect(result.server).toEqual({ authorized: true, peer: 'local-mtls' });
    expect(result.client).toMatchObject({ authorized: true, peer: 'temporal.local', reply: 'hello' });
    expect(result.client.error).toBeUndefined();
  });

  it.each(['localhost', '127.0.0.1'])('the frontend certificate also verifies as %s', async (servername) => {
    const result = await handshake(frontend(), {
      ...client('system-worker'),
      servername: servername === '127.0.0.1' ? null : servername,
    });
    expect(result.client).toMatchObject({ authorized: true, reply: 'hello' });
  });

  it('internode certificate works as server and as client of the cluster', async () => {
    const internode = { key: file('internode.key'), cert: file('internode.pem'), ca: file('server-ca.pem') };
    const result = await handshake(internode, { ...internode, servername: 'internode.temporal.local' });
    expect(result.server).toEqual({ authorized: true, peer: 'internode.temporal.local' });
    expect(result.client).toMatchObject({ authorized: true, reply: 'hello' });
  });

  it('a client certificate from a foreign CA is refused', async () => {
    const foreign = await generateForeignClient(scratch, 'intruder');
    const intruder = { key: foreign.keyPem, cert: foreign.certPem, ca: file('server-ca.pem') };
    const result = await handshake(frontend(), intruder);
    expect(result.server).toEqual({ error: expect.any(String) });
    expect(result.client.reply).toBe('');
    const explained = await handshake({ ...frontend(), explain: true }, intruder);
    expect(explained.server).toMatchObject({
      authorized: false,
      peer: 'intruder',
      reason: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    });
  });

  it('an expired client certificate from the real client CA is refused', async () => {
    const expired = await generateExpiredClient(dir, scratch, 'expired');
    const stale = { key: expired.keyPem, cert: expired.certPem, ca: file('server-ca.pem') };
    const result = await handshake(frontend(), stale);
    expect(result.server).toEqual({ error: expect.any(String) });
    expect(result.client.reply).toBe('');
    const explained = await handshake({ ...frontend(), explain: true }, stale);
    expect(explained.server).toMatchObject({ authorized: false, peer: 'expired', reason: 'CERT_HAS_EXPIRED' });
  });

  it('a client whose key does not match its certificate cannot even start', async () => {
    const mismatched = await generateMismatchedClient(dir, scratch, 'mismatched');
    await expect(
      handshake(frontend(), { key: mismatched.keyPem, cert: mismatched.certPem, ca: file('server-ca.pem') }),
    ).rejects.toThrow(/key values mismatch/);
  });

  it('a client expecting another server name refuses the frontend', async () => {
    const result = await handshake(frontend(), { ...client('local-mtls'), servername: 'other.example' });
    expect(result.client.error).toMatch(/does not match certificate's altnames/);
  });

  it('a client trusting only the client CA refuses the frontend', async () => {
    const result = await handshake(frontend(), { ...client('local-mtls'), ca: file('client-ca.pem') });
    expect(result.client.error).toMatch(/unable to (get local issuer|verify)/);
  });
});
