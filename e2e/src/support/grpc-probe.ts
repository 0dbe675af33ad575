import { readFileSync } from 'node:fs';
import { Connection } from '@temporalio/client';

export interface ProbeTls {
  serverCa: string;
  serverName: string;
  /** A certificate and key to present; none to present no certificate. */
  client?: { cert: string; key: string };
}

/**
 * One gRPC health check, as any client would make it, over TLS or (without `tls`) in plaintext:
 * 'answered' when the server took the call (whatever the health status), else the first line of
 * the error (TLS refusals land here).
 */
export async function probeGrpc(address: string, tls?: ProbeTls): Promise<string> {
  const connection = Connection.lazy({
    address,
    connectTimeout: 5_000,
    tls: tls && {
      serverRootCACertificate: readFileSync(tls.serverCa),
      serverNameOverride: tls.serverName,
      clientCertPair: tls.client && { crt: readFileSync(tls.client.cert), key: readFileSync(tls.client.key) },
    },
  });
  try {
    await connection.withDeadline(Date.now() + 5_000, () => connection.healthService.check({ service: '' }));
    return 'answered';
  } catch (error) {
    const code = (error as { code?: number }).code;
    if (code === 5 || code === 12) return 'answered';
    return `refused: ${(error as Error).message.split('\n')[0]}`;
  } finally {
    await connection.close();
  }
}
