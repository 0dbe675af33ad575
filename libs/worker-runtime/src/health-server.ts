import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readiness } from './readiness';
import type { HealthAddress } from './runtime-settings';

export interface HealthServer {
  url: string;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

/**
 * `GET /livez`: 200 while the event loop runs. `GET /readyz`: 200 while the readiness check
 * passes, 503 with the reason otherwise. Plain HTTP for the orchestrator's probes: bind it to
 * loopback or the pod's network only.
 */
export async function startHealthServer(address: HealthAddress, readiness: Readiness): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, { error: `${request.method} is not allowed; use GET` });
    } else if (path === '/livez') {
      send(response, 200, { status: 'alive' });
    } else if (path === '/readyz') {
      const { ready, reason } = readiness.current();
      send(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', reason });
    } else {
      send(response, 404, { error: 'no such path; use GET /livez or GET /readyz' });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.port, address.host, resolve);
  });
  const bound = server.address() as AddressInfo;
  const host = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  return {
    url: `http://${host}:${bound.port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
