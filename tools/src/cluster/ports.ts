import { readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';

/** The frontend's port when neither --port nor the profile's address names one, as in Temporal's own dev setup. */
export const DEFAULT_FRONTEND_PORT = 7233;

/** Where `npx nx run <app>:server` serves the Web UI unless told otherwise. */
export const DEFAULT_UI_PORT = 8233;

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
export function standardPorts(frontend = DEFAULT_FRONTEND_PORT): ServerPorts {
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

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The largest port Temporal's PostgreSQL schema can keep for a cluster member (a SMALLINT column). */
export const LARGEST_MEMBERSHIP_PORT = 32_767;

/**
 * Temporal's SQL schemas keep membership ports in a SMALLINT column, so the cluster's ports stay
 * below 32768, under the range Linux hands out to outgoing connections.
 */
const CLUSTER_PORT_RANGE = { first: 20_000, last: LARGEST_MEMBERSHIP_PORT };

/** Side-by-side Jest workers (the e2e run has 2) split the range, so two test files never pick the same port. */
const WORKER_SLICES = 4;

/** This process's part of the cluster port range: all of it, or its Jest worker's slice (JEST_WORKER_ID, inherited by children). */
export function clusterPortRange(workerId = process.env.JEST_WORKER_ID): { first: number; last: number } {
  const worker = Number(workerId);
  if (!Number.isInteger(worker) || worker < 1) return CLUSTER_PORT_RANGE;
  const size = Math.floor((CLUSTER_PORT_RANGE.last - CLUSTER_PORT_RANGE.first + 1) / WORKER_SLICES);
  const first = CLUSTER_PORT_RANGE.first + ((worker - 1) % WORKER_SLICES) * size;
  return { first, last: first + size - 1 };
}

/** The membership ports a PostgreSQL store could not keep. */
export function membershipPortsTooLarge(ports: ServerPorts): { name: keyof ServerPorts; port: number }[] {
  return (Object.keys(ports) as (keyof ServerPorts)[])
    .filter((name) => name.endsWith('Membership') && ports[name] > LARGEST_MEMBERSHIP_PORT)
    .map((name) => ({ name, port: ports[name] }));
}

/**
 * Ports handed out by this process, never handed out twice: clusters started side by side (e.g.
 * with Promise.all) check their ports before either binds them.
 */
const handedOut = new Set<number>();

/** Distinct free loopback ports for every service, so several servers can run side by side. */
export async function freePorts(): Promise<ServerPorts> {
  const range = clusterPortRange();
  const span = range.last - range.first + 1;
  const next = async (): Promise<number> => {
    for (;;) {
      const port = range.first + Math.floor(Math.random() * span);
      if (handedOut.has(port)) continue;
      handedOut.add(port);
      if (await canBind(port)) return port;
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

/**
 * A frontend port whose standard ports (standardPorts, around it) are all free and
 * in this process's cluster port range: what `--port` of the cluster CLI needs in a test.
 */
export async function freeFrontendPort(): Promise<number> {
  const range = clusterPortRange();
  const offsets = Object.values(standardPorts(0));
  const [lowest, highest] = [Math.min(...offsets), Math.max(...offsets)];
  const span = range.last - range.first + 1 - (highest - lowest);
  for (;;) {
    const frontend = range.first - lowest + Math.floor(Math.random() * span);
    const ports = Object.values(standardPorts(frontend));
    if (ports.some((port) => handedOut.has(port))) continue;
    ports.forEach((port) => handedOut.add(port));
    if ((await Promise.all(ports.map(canBind))).every(Boolean)) return frontend;
  }
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

/**
 * The ports a kept store's cluster had last time, when they are all still free; else new free
 * ones, remembered in `file`. A cluster that comes back on the same addresses finds its own
 * stale membership rows instead of waiting for dead members to time out.
 */
export async function rememberedPorts(file: string): Promise<ServerPorts> {
  try {
    const remembered = JSON.parse(readFileSync(file, 'utf8')) as ServerPorts;
    const sameShape = Object.keys(standardPorts()).every((name) =>
      Number.isInteger(remembered[name as keyof ServerPorts]),
    );
    const free = await Promise.all(Object.values(remembered).map(canBind));
    if (sameShape && free.every(Boolean)) return remembered;
  } catch {
    // first start, or an unreadable file: new ports
  }
  const ports = await freePorts();
  writeFileSync(file, JSON.stringify(ports, null, 2));
  return ports;
}
