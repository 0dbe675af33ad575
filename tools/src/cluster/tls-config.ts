import { join } from 'node:path';
import { CLIENT_CA, clientFiles, FRONTEND, INTERNODE, SERVER_CA } from '../certs/layout';

/** The Web UI server's client certificate name on a mutual-TLS cluster. */
export const WEB_UI_CLIENT = 'web-ui';

/** The generated files a TLS cluster uses, by the names tools/src/certs writes. */
export interface ClusterTlsFiles {
  serverCa: string;
  clientCa: string;
  frontendCert: string;
  frontendKey: string;
  internodeCert: string;
  internodeKey: string;
  systemWorkerCert: string;
  systemWorkerKey: string;
  /** The Web UI server's client certificate (client CA), made by the callers that start the UI. */
  webUiCert: string;
  webUiKey: string;
  /** The name clients verify in the frontend's certificate. */
  serverName: string;
  /** A second name on the frontend (by SNI) where API-key clients connect without a client certificate. */
  apiKeyServerName?: string;
  /** More client CA files the frontend trusts beside clientCa, e.g. while clients move from an old CA to a new one. */
  extraClientCas?: string[];
  /** How often the server re-reads certificates and CAs from their files (default 1m). */
  refreshInterval?: string;
}

export function clusterTlsFiles(certsDir: string, serverName: string): ClusterTlsFiles {
  const at = (file: string) => join(certsDir, file);
  const systemWorker = clientFiles('system-worker');
  const webUi = clientFiles(WEB_UI_CLIENT);
  return {
    serverCa: at(SERVER_CA.cert),
    clientCa: at(CLIENT_CA.cert),
    frontendCert: at(FRONTEND.cert),
    frontendKey: at(FRONTEND.key),
    internodeCert: at(INTERNODE.cert),
    internodeKey: at(INTERNODE.key),
    systemWorkerCert: at(systemWorker.cert),
    systemWorkerKey: at(systemWorker.key),
    webUiCert: at(webUi.cert),
    webUiKey: at(webUi.key),
    serverName,
  };
}

/** Like Temporal Cloud's API-key endpoint: TLS, but no client certificate; the bearer token authenticates. */
function apiKeyEndpoint(files: ClusterTlsFiles): Record<string, unknown> {
  return { certFile: files.frontendCert, keyFile: files.frontendKey, requireClientAuth: false };
}

/**
 * `global.tls` for mutual TLS everywhere:
 * - internode: services present the internode certificate to each other, both sides verified
 *   against the server CA;
 * - frontend: clients must present a certificate from the client CA (the only CA accepted) and
 *   verify the frontend's certificate for `serverName`;
 * - systemWorker: the server's own workers dial the frontend as clients, with a client-CA certificate;
 * - certificates are re-read from their files every minute, so they rotate without a restart.
 */
export function tlsConfig(files: ClusterTlsFiles): Record<string, unknown> {
  const frontendClient = { serverName: files.serverName, rootCaFiles: [files.serverCa] };
  return {
    refreshInterval: files.refreshInterval ?? '1m',
    internode: {
      server: {
        certFile: files.internodeCert,
        keyFile: files.internodeKey,
        requireClientAuth: true,
        clientCaFiles: [files.serverCa],
      },
      client: { serverName: `internode.${files.serverName}`, rootCaFiles: [files.serverCa] },
    },
    frontend: {
      server: {
        certFile: files.frontendCert,
        keyFile: files.frontendKey,
        requireClientAuth: true,
        clientCaFiles: [files.clientCa, ...(files.extraClientCas ?? [])],
      },
      client: frontendClient,
      ...(files.apiKeyServerName ? { hostOverrides: { [files.apiKeyServerName]: apiKeyEndpoint(files) } } : {}),
    },
    systemWorker: {
      certFile: files.systemWorkerCert,
      keyFile: files.systemWorkerKey,
      client: frontendClient,
    },
  };
}
