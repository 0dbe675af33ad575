import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SigningKey } from './signing-key';

export interface JwksServer {
  url: string;
  close(): Promise<void>;
}

/** Publishes the cluster's public signing keys as a JWKS on loopback, for the server's JWT key provider. */
export function startJwksServer(keys: SigningKey[], port = 0): Promise<JwksServer> {
  const body = JSON.stringify({ keys: keys.map((key) => key.publicJwk) });
  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/.well-known/jwks.json') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${bound}/.well-known/jwks.json`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
