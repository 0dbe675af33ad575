import { connect, createServer } from 'node:net';

export interface ServerPorts {
  frontend: number;
  frontendHttp: number;
  frontendMembership: number;
  history: number;
  historyMembership: number;
  matching: number;
  matchingMembership: number;
  worker: number;
  workerMembership: number;
  /** The second frontend of the split topology. */
  frontendB: number;
  frontendBHttp: number;
  frontendBMembership: number;
  /** The frontend the server's own services use when an authorizer guards the public one. */
  internalFrontend: number;
  internalFrontendHttp: number;
  internalFrontendMembership: number;
}

/** The ports of Temporal's own dev setup (7233, 7234, ...), shifted together when the frontend moves. */
export function standardPorts(frontend = 7233): ServerPorts {
  return {
    frontend,
    frontendHttp: frontend + 10,
    frontendMembership: frontend - 300,
    history: frontend + 1,
    historyMembership: frontend - 299,
    matching: frontend + 2,
    matchingMembership: frontend - 298,
    worker: frontend + 6,
    workerMembership: frontend - 294,
    frontendB: frontend + 4,
    frontendBHttp: frontend + 14,
    frontendBMembership: frontend - 296,
    internalFrontend: frontend + 3,
    internalFrontendHttp: frontend + 13,
    internalFrontendMembership: frontend - 297,
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Distinct free loopback ports for every service, so several servers can run side by side. */
export async function freePorts(): Promise<ServerPorts> {
  const taken = new Set<number>();
  const next = async (): Promise<number> => {
    for (;;) {
      const port = await freePort();
      if (!taken.has(port)) {
        taken.add(port);
        return port;
      }
    }
  };
  return {
    frontend: await next(),
    frontendHttp: await next(),
    frontendMembership: await next(),
    history: await next(),
    historyMembership: await next(),
    matching: await next(),
    matchingMembership: await next(),
    worker: await next(),
    workerMembership: await next(),
    frontendB: await next(),
    frontendBHttp: await next(),
    frontendBMembership: await next(),
    internalFrontend: await next(),
    internalFrontendHttp: await next(),
    internalFrontendMembership: await next(),
  };
}

/** True once something accepts TCP connections on the loopback port. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
