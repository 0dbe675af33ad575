import { connect as tcpConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';

export const PROBE_TIMEOUT_MS = 3_000;

/** The HTTP/2 client preface and an empty SETTINGS frame: a gRPC server answers it once it accepts us. */
const H2_PREFACE = Buffer.concat([
  Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'),
  Buffer.from([0, 0, 0, 4, 0, 0, 0, 0, 0]),
]);

export interface TlsProbeOptions {
  host: string;
  port: number;
  serverName?: string;
  ca?: string;
  cert?: string;
  key?: string;
  /** Only ask whether the server speaks TLS, without judging its certificate. */
  acceptAnyServerCert?: boolean;
}

export interface PeerCertificate {
  subject: string;
  issuer: string;
  names: string[];
  validTo: string;
  /** Upper-case hex, as `X509Certificate.serialNumber` gives it. */
  serialNumber: string;
}

export type ProbeOutcome =
  | { kind: 'accepted'; peer?: PeerCertificate }
  | { kind: 'refused' | 'unresolved' | 'timeout' | 'closed' }
  | { kind: 'error'; code: string; message: string; serverNames?: string[] };

function altNames(socket: TLSSocket): string[] {
  const subjectAltName = socket.getPeerCertificate()?.subjectaltname ?? '';
  return subjectAltName
    .split(', ')
    .map((entry) => entry.replace(/^(DNS|IP Address):/, ''))
    .filter(Boolean);
}

function peerOf(socket: TLSSocket): PeerCertificate | undefined {
  const certificate = socket.getPeerCertificate();
  if (!certificate || !certificate.subject) return undefined;
  return {
    subject: String(certificate.subject.CN ?? ''),
    issuer: String(certificate.issuer?.CN ?? ''),
    names: altNames(socket).map((name) => (name === '0:0:0:0:0:0:0:1' ? '::1' : name)),
    validTo: new Date(certificate.valid_to).toISOString(),
    serialNumber: certificate.serialNumber,
  };
}

function outcomeOf(error: NodeJS.ErrnoException): ProbeOutcome {
  const code = error.code ?? 'UNKNOWN';
  if (code === 'ECONNREFUSED') return { kind: 'refused' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'unresolved' };
  return { kind: 'error', code, message: error.message };
}

/**
 * One TLS handshake against the server, as the SDK would make it, then an HTTP/2 preface to learn
 * whether the server accepted our client certificate (TLS 1.3 rejects it only after the handshake).
 */
export function probeTls(options: TlsProbeOptions): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const serverName = options.serverName ?? (isIP(options.host) ? undefined : options.host);
    const socket = tlsConnect({
      host: options.host,
      port: options.port,
      servername: serverName,
      ca: options.ca,
      cert: options.cert,
      key: options.key,
      ALPNProtocols: ['h2'],
      rejectUnauthorized: !options.acceptAnyServerCert,
    });
    const finish = (outcome: ProbeOutcome) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), PROBE_TIMEOUT_MS);
    socket.once('secureConnect', () => {
      const peer = peerOf(socket);
      socket.write(H2_PREFACE);
      socket.once('data', () => finish({ kind: 'accepted', peer }));
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const outcome = outcomeOf(error);
      if (outcome.kind === 'error' && outcome.code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
        outcome.serverNames = altNames(socket);
      }
      finish(outcome);
    });
    socket.once('close', () => finish({ kind: 'closed' }));
  });
}

/** Whether anything accepts TCP connections there at all. */
export function probeTcp(host: string, port: number): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const socket: Socket = tcpConnect({ host, port });
    const finish = (outcome: ProbeOutcome) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), PROBE_TIMEOUT_MS);
    socket.once('connect', () => finish({ kind: 'accepted' }));
    socket.once('error', (error: NodeJS.ErrnoException) => finish(outcomeOf(error)));
  });
}
