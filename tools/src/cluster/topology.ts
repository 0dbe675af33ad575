export type Topology = 'single' | 'split';
export const TOPOLOGIES: readonly Topology[] = ['single', 'split'];

/** One server process: the services it runs, and which of the two frontend port sets it listens on. */
export interface ServerProcessPlan {
  name: string;
  services: string[];
  frontend: 'a' | 'b';
}

/** With an authorizer, the server's own services reach the frontend API through internal-frontend (internode mTLS). */
export function serviceNames(authorizer: boolean): string[] {
  return ['frontend', ...(authorizer ? ['internal-frontend'] : []), 'history', 'matching', 'worker'];
}

/**
 * `single`: every service in one process. `split`: each service in its own process, as a
 * deployment runs them, and two frontends on two ports; they find each other through the
 * membership rows in the shared store and call each other over internode TLS.
 */
export function processPlan(topology: Topology, authorizer: boolean): ServerProcessPlan[] {
  const services = serviceNames(authorizer);
  if (topology === 'single') return [{ name: 'server', services, frontend: 'a' }];
  const own = (service: string): ServerProcessPlan => ({ name: service, services: [service], frontend: 'a' });
  return [
    own('frontend'),
    { name: 'frontend-b', services: ['frontend'], frontend: 'b' },
    ...services.filter((service) => service !== 'frontend').map(own),
  ];
}
