import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodecSettings } from '@temporal-samples/connection';
import { ServerStartError } from '../cli/errors';
import { freePort } from './ports';
import { logTail, spawnLogged, stopServer } from './server-process';
import type { ClusterTlsFiles } from './tls-config';
import { startUiCodecServer } from './ui-codec-server';
import { ensureUiServerBinary } from './ui-server-binary';

const READY_WITHIN_MS = 30_000;

export interface WebUiOptions {
  /** Default: a free port. Users get 8233, like the Temporal CLI's dev server. */
  port?: number;
  /** A codec server the browser calls to show payloads decoded. */
  codecEndpoint?: string;
  /** The app's codec keys: a codec server for the UI is started with them (when no codecEndpoint is given). */
  codec?: CodecSettings;
  /** A UI server binary to use as is; by default it is found or built (see ui-server-binary.ts). */
  binary?: string;
}

export interface WebUi {
  url: string;
  logFile: string;
  pid?: number;
  codecEndpoint?: string;
  stop(): Promise<void>;
}

export interface WebUiTarget {
  frontendAddress: string;
  tls?: ClusterTlsFiles;
  namespaces: string[];
  runDir: string;
}

/**
 * The UI server's config (its `development.yaml`): loopback only, the frontend over the cluster's
 * TLS with host verification (client certificate and server name on the mTLS cluster), the codec
 * endpoint when there is one, nothing fetched from the internet.
 */
export function webUiConfig(target: WebUiTarget, port: number, codecEndpoint?: string): Record<string, unknown> {
  const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  return {
    temporalGrpcAddress: target.frontendAddress,
    host: '127.0.0.1',
    port,
    enableUi: true,
    defaultNamespace: target.namespaces[0],
    cors: { allowOrigins: origins, unsafeAllowAllOrigins: false, cookieInsecure: false },
    refreshInterval: '1m',
    disableNewsFetch: true,
    notifyOnNewVersion: false,
    distribution: 'server',
    hideLogs: true,
    auth: { enabled: false },
    ...(target.tls
      ? {
          tls: {
            caFile: target.tls.serverCa,
            certFile: target.tls.webUiCert,
            keyFile: target.tls.webUiKey,
            serverName: target.tls.serverName,
            enableHostVerification: true,
          },
        }
      : {}),
    ...(codecEndpoint ? { codec: { endpoint: codecEndpoint, passAccessToken: false, includeCredentials: false } } : {}),
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Starts Temporal's UI server for the cluster and returns once it serves its settings. */
export async function startWebUi(target: WebUiTarget, options: WebUiOptions): Promise<WebUi> {
  const binary = options.binary ?? (await ensureUiServerBinary());
  const port = options.port ?? (await freePort());
  const codecServer =
    options.codec && !options.codecEndpoint
      ? await startUiCodecServer(options.codec, target.namespaces, port)
      : undefined;
  const codecEndpoint = options.codecEndpoint ?? codecServer?.url;
  const configDir = join(target.runDir, 'ui-config');
  mkdirSync(configDir, { recursive: true });
  writeFileSync(join(configDir, 'development.yaml'), JSON.stringify(webUiConfig(target, port, codecEndpoint), null, 2));
  const logFile = join(target.runDir, 'ui-server.log');
  const server = spawnLogged(
    binary,
    ['--root', target.runDir, '--config', 'ui-config', '--env', 'development', 'start'],
    logFile,
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopServer(server);
    await codecServer?.close();
  };
  const deadline = Date.now() + READY_WITHIN_MS;
  while (!(await answers(`${url}/api/v1/settings`))) {
    if (server.child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new ServerStartError(
        `The Temporal UI server did not serve ${url} within ${READY_WITHIN_MS / 1000} s. Last lines of ${logFile}:\n${logTail(logFile)}`,
        `if port ${port} is in use, stop what holds it or pass --ui-port; --no-ui starts the cluster without the UI.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, logFile, pid: server.child.pid, codecEndpoint, stop };
}
