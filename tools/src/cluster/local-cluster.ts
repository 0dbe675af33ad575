import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from '@temporalio/client';
import { ServerStartError, StoreError } from '../cli/errors';
import { ensureNamespace, type NamespaceOutcome } from '../namespaces/ensure-namespace';
import { startJwksServer, type JwksServer } from '../tokens/jwks-server';
import type { SigningKey } from '../tokens/signing-key';
import {
  freePorts,
  LARGEST_MEMBERSHIP_PORT,
  membershipPortsTooLarge,
  rememberedPorts,
  standardPorts,
  type ServerPorts,
} from './ports';
import { ensureServerBinary } from './server-binary';
import { dynamicConfig, serverConfig } from './server-config';
import { spawnServer, stopServer } from './server-process';
import { adminProfile, connectWhenServing, listeningOn, type NamedServerProcess } from './server-readiness';
import { openStore } from './stores/open-store';
import type { ClusterStore, StoreKind, StoreOptions } from './stores/store';
import type { ClusterTlsFiles } from './tls-config';
import { processPlan, type Topology } from './topology';
import { startWebUi, type WebUi, type WebUiOptions } from './web-ui';

export interface LocalClusterOptions {
  /** The frontend port; by default every service gets a free port. */
  frontendPort?: number;
  /** Every service's ports, e.g. to restart a cluster where its clients expect it. */
  ports?: ServerPorts;
  namespaces: string[];
  /** Mutual TLS on the frontend and between the cluster's services; plaintext without it. */
  tls?: ClusterTlsFiles;
  /** Bearer tokens signed by this key are required and checked per namespace (needs tls). */
  tokenSigningKey?: SigningKey;
  /** A server binary to use as is; by default it is found or built (see server-binary.ts). */
  binary?: string;
  /** Dynamic config entries on top of the defaults, e.g. `frontend.keepAliveMaxConnectionAge`. */
  dynamicConfig?: Record<string, unknown>;
  /** Where the data lives; default SQLite in memory. */
  store?: StoreOptions;
  /** One process (default), or each service in its own process with two frontends. */
  topology?: Topology;
  /** Temporal's Web UI server in front of the first frontend; none unless given. */
  webUi?: WebUiOptions;
  onProgress?: (message: string) => void;
}

export interface LocalCluster {
  /** The (first) frontend. */
  address: string;
  /** Every frontend: two with the split topology. */
  frontendAddresses: string[];
  tls?: ClusterTlsFiles;
  jwksUrl?: string;
  ports: ServerPorts;
  /** The first process's log. */
  logFile: string;
  processes: NamedServerProcess[];
  store: { kind: StoreKind; description: string };
  topology: Topology;
  webUi?: Omit<WebUi, 'stop'>;
  namespaces: Record<string, NamespaceOutcome>;
  stop(): Promise<void>;
}

function describeMode(options: LocalClusterOptions): string {
  if (options.tokenSigningKey) return 'cloud-like (mutual TLS, bearer tokens checked per namespace)';
  return options.tls ? 'with mutual TLS (frontend and internode)' : 'without TLS';
}

function checkOptions(options: LocalClusterOptions, topology: Topology, store: StoreOptions): void {
  if (options.tokenSigningKey && !options.tls) {
    throw new ServerStartError('Token checks need TLS on the cluster.', 'pass tls together with tokenSigningKey.');
  }
  if (topology === 'split' && store.kind !== 'postgres') {
    throw new StoreError(
      `The split topology runs five server processes on one store, and the ${store.kind} store cannot be shared between processes.`,
      'use --store postgres with --topology split (the default store for split).',
    );
  }
}

function checkPortsFitStore(ports: ServerPorts, store: StoreOptions): void {
  const tooLarge = store.kind === 'postgres' ? membershipPortsTooLarge(ports) : [];
  if (tooLarge.length === 0) return;
  const excess = Math.max(...tooLarge.map(({ port }) => port)) - LARGEST_MEMBERSHIP_PORT;
  throw new StoreError(
    `With the frontend on port ${ports.frontend}, the membership ports (${tooLarge.map(({ name, port }) => `${name} ${port}`).join(', ')}) are above ${LARGEST_MEMBERSHIP_PORT}, the largest port Temporal's PostgreSQL schema keeps for a cluster member.`,
    `give a frontend port of ${ports.frontend - excess} or lower (--port, or the port in TEMPORAL_ADDRESS).`,
  );
}

/** Users' clusters sit on the standard ports; others on free ones, the same again for a kept store. */
async function clusterPorts(frontendPort: number | undefined, store: StoreOptions): Promise<ServerPorts> {
  if (frontendPort) return standardPorts(frontendPort);
  if (store.kind === 'memory') return freePorts();
  mkdirSync(store.dir, { recursive: true });
  return rememberedPorts(join(store.dir, 'ports.json'));
}

/** Starts a real Temporal cluster on loopback, waits until it serves, and registers the namespaces. */
export async function startLocalCluster(options: LocalClusterOptions): Promise<LocalCluster> {
  const say = options.onProgress ?? (() => undefined);
  const topology = options.topology ?? 'single';
  const storeOptions = options.store ?? { kind: 'memory' };
  checkOptions(options, topology, storeOptions);
  const ports = options.ports ?? (await clusterPorts(options.frontendPort, storeOptions));
  checkPortsFitStore(ports, storeOptions);
  const binary = options.binary ?? (await ensureServerBinary());
  const runDir = mkdtempSync(join(tmpdir(), 'temporal-local-'));
  const jwks: JwksServer | undefined = options.tokenSigningKey
    ? await startJwksServer([options.tokenSigningKey])
    : undefined;
  let store: ClusterStore | undefined;
  const processes: NamedServerProcess[] = [];
  let webUi: WebUi | undefined;
  const stopAll = async () => {
    await webUi?.stop();
    await Promise.all(processes.map((process) => stopServer(process)));
    await store?.close();
    await jwks?.close();
  };
  let connection: Connection | undefined;
  try {
    store = await openStore(storeOptions, say);
    const dynamicConfigFile = join(runDir, 'dynamic-config.yaml');
    writeFileSync(dynamicConfigFile, JSON.stringify({ ...dynamicConfig(), ...options.dynamicConfig }, null, 2));
    const plan = processPlan(topology, jwks !== undefined);
    const frontends = [
      `127.0.0.1:${ports.frontend}`,
      ...(topology === 'split' ? [`127.0.0.1:${ports.frontendB}`] : []),
    ];
    say(
      `Starting the Temporal server ${describeMode(options)} on ${frontends.join(' and ')}, ${plan.length === 1 ? 'one process' : `${plan.length} processes`}, ${store.description} (logs: ${runDir})`,
    );
    const started = Date.now();
    for (const step of plan) {
      const configFile = join(runDir, `${step.name}.yaml`);
      const config = serverConfig({
        ports,
        dynamicConfigFile,
        tls: options.tls,
        jwksUrl: jwks?.url,
        datastores: store.datastores,
        frontend: step.frontend,
      });
      writeFileSync(configFile, JSON.stringify(config, null, 2));
      const server = {
        ...spawnServer(binary, configFile, join(runDir, `${step.name}.log`), step.services),
        name: step.name,
        services: step.services,
      };
      processes.push(server);
      if (processes.length === 1 && plan.length > 1) await listeningOn(server, ports.frontend);
    }
    for (const frontend of frontends) {
      connection = await connectWhenServing(processes, adminProfile(frontend, options.tls, options.tokenSigningKey));
      if (frontend !== frontends[frontends.length - 1]) await connection.close();
    }
    say(`Server ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const namespaces: Record<string, NamespaceOutcome> = {};
    for (const namespace of options.namespaces) {
      namespaces[namespace] = await ensureNamespace(connection as Connection, namespace);
      say(`Namespace "${namespace}" ${namespaces[namespace]}`);
    }
    await connection?.close();
    if (options.webUi) {
      const target = { frontendAddress: frontends[0], tls: options.tls, namespaces: options.namespaces, runDir };
      webUi = await startWebUi(target, options.webUi);
      say(`Web UI ready at ${webUi.url}`);
    }
    return {
      address: frontends[0],
      frontendAddresses: frontends,
      tls: options.tls,
      jwksUrl: jwks?.url,
      ports,
      logFile: processes[0].logFile,
      processes,
      store: { kind: store.kind, description: store.description },
      topology,
      webUi: webUi && { url: webUi.url, logFile: webUi.logFile, pid: webUi.pid, codecEndpoint: webUi.codecEndpoint },
      namespaces,
      async stop() {
        await stopAll();
        rmSync(runDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await connection?.close().catch(() => undefined);
    await stopAll();
    throw error;
  }
}
