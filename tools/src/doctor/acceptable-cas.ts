import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';

const OPENSSL_TIMEOUT_MS = 3_000;

/**
 * The client CAs the server names in its certificate request, read with `openssl s_client`
 * (Node's TLS client does not expose them). Undefined when openssl is missing or says nothing.
 */
export function acceptableClientCas(host: string, port: number, serverName?: string): Promise<string[] | undefined> {
  const args = ['s_client', '-connect', `${host}:${port}`, ...(serverName ? ['-servername', serverName] : [])];
  return new Promise((resolve) => {
    const child = execFile('openssl', args, { timeout: OPENSSL_TIMEOUT_MS }, (_error, stdout) => {
      const section =
        /Acceptable client certificate CA names\n([\s\S]*?)\n(?:Requested|Client Certificate Types|Shared|Peer)/.exec(
          stdout ?? '',
        );
      resolve(
        section
          ? section[1]
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean)
          : undefined,
      );
    });
    child.stdin?.end();
  });
}

/** `CN = Temporal Local Client CA` style, as openssl prints a name. */
export function issuerAsOpenssl(certificatePem: string): string {
  return new X509Certificate(certificatePem).issuer
    .split('\n')
    .map((part) => part.replace('=', ' = '))
    .join(', ');
}
