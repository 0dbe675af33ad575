/** The local server CLI's command line, turned into settings or a UsageError. */
import { defineCommand, type CommandValues } from '../cli/command';
import { UsageError } from '../cli/errors';
import { STORE_KINDS, type StoreKind } from './stores/store';
import { TOPOLOGIES, type Topology } from './topology';
import { DEFAULT_FRONTEND_PORT, DEFAULT_UI_PORT } from './ports';

export const SERVER_COMMAND = defineCommand({
  usage: 'npx nx run <app>:server --',
  summary:
    "Runs a real local Temporal cluster for an app's profile in the foreground until Ctrl-C: plaintext, or mutual " +
    'TLS (frontend and internode) with the generated certificates; or the cloud-like cluster. Data is kept in ' +
    'tmp/clusters/<app>; the Web UI listens on 127.0.0.1:8233.',
  options: {
    'env-dir': { type: 'string', value: '<app folder>', description: 'the app whose profile the server serves' },
    port: { type: 'string', value: '<port>', description: "the frontend port (default: the profile's, else 7233)" },
    store: {
      type: 'string',
      value: '<kind>',
      description:
        'sqlite (default: files in tmp/clusters/<app>, kept across restarts), memory (gone at stop) or postgres ' +
        '(a PostgreSQL cluster the tool owns in tmp/clusters/<app>/postgres; the default with --topology split)',
    },
    'postgres-url': {
      type: 'string',
      value: '<url>',
      description: "a PostgreSQL to use instead of the tool's own: postgres://user[:password]@host[:port][/db]",
    },
    topology: {
      type: 'string',
      value: '<kind>',
      description:
        'single (default: one process) or split (two frontends, history, matching and worker as five ' +
        'processes, internode mTLS between them; needs postgres)',
    },
    'ui-port': { type: 'string', value: '<port>', description: `the Web UI port (default ${DEFAULT_UI_PORT})` },
    'no-ui': { type: 'boolean', description: 'no Web UI' },
    'cloud-like': {
      type: 'boolean',
      description: 'mTLS, an API-key endpoint and bearer tokens checked per namespace, like Temporal Cloud',
    },
  },
  examples: [
    'npx nx run local-mtls:server',
    'npx nx run local-mtls:server -- --store postgres --topology split',
    'npx nx run plain:server -- --store memory --no-ui',
  ],
});

export interface ServerArgs {
  envDir?: string;
  port?: number;
  cloudLike: boolean;
  store: StoreKind;
  postgresUrl?: string;
  topology: Topology;
  ui: false | { port: number };
}

function parsePort(flag: string, text: string | undefined, example: number): number | undefined {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UsageError(
      `${flag} is "${text}", not a TCP port.`,
      `give a number from 1 to 65535, e.g. ${flag} ${example}`,
    );
  }
  return port;
}

function oneOf<T extends string>(flag: string, text: string | undefined, allowed: readonly T[]): T | undefined {
  if (text === undefined) return undefined;
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new UsageError(`${flag} is "${text}".`, `give one of: ${allowed.join(', ')}.`);
}

/** The command's values checked together, as settings for the cluster. */
export function serverArgs(values: CommandValues<typeof SERVER_COMMAND.options>): ServerArgs {
  const topology = oneOf('--topology', values.topology, TOPOLOGIES) ?? 'single';
  const postgresUrl = values['postgres-url'];
  const store =
    oneOf('--store', values.store, STORE_KINDS) ?? (postgresUrl || topology === 'split' ? 'postgres' : 'sqlite');
  if (postgresUrl && store !== 'postgres') {
    throw new UsageError(
      `--postgres-url is given with --store ${store}.`,
      'drop one of them: the URL means --store postgres.',
    );
  }
  if (topology === 'split' && store !== 'postgres') {
    throw new UsageError(
      `--topology split with --store ${store}: five server processes cannot share a ${store} store.`,
      'use --store postgres (or leave --store out: split defaults to it).',
    );
  }
  const uiPort = parsePort('--ui-port', values['ui-port'], DEFAULT_UI_PORT);
  if (values['no-ui'] && uiPort !== undefined) {
    throw new UsageError('--no-ui is given with --ui-port.', 'drop one of them.');
  }
  return {
    envDir: values['env-dir'],
    port: parsePort('--port', values.port, DEFAULT_FRONTEND_PORT),
    cloudLike: values['cloud-like'] ?? false,
    store,
    postgresUrl,
    topology,
    ui: values['no-ui'] ? false : { port: uiPort ?? DEFAULT_UI_PORT },
  };
}
