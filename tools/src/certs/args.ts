/** The certificate CLI's command line, turned into generateCertificates options or a UsageError. */
import { parseArgs } from 'node:util';
import { UsageError } from '../cli/errors';
import {
  clientNameProblem,
  daysProblem,
  DEFAULT_DAYS,
  DEFAULT_SERVER_NAME,
  serverNameProblem,
  type CertificateOptions,
} from './options';

export const USAGE = `node tools/dist/certs/cli.js [--out <dir>] [--client <name>]... [--rsa] [--days <n>] [--server-name <name>] [--force]

  --out <dir>           certificate folder (default: <workspace>/certs)
  --client <name>       another client certificate; local-mtls and system-worker are always made
  --rsa                 RSA 2048 keys instead of ECDSA P-256
  --days <n>            validity of new certificates (default ${DEFAULT_DAYS})
  --server-name <name>  the name clients verify on the frontend (default ${DEFAULT_SERVER_NAME})
  --force               replace every certificate and key, even those that are fine`;

export type CertCommand = { help: true } | { help: false; options: CertificateOptions };

export function parseCertArgs(args: string[]): CertCommand {
  const values = parse(args);
  if (values.help) return { help: true };
  for (const name of values.client ?? []) {
    const problem = clientNameProblem(name);
    if (problem) throw new UsageError(`--client: ${problem}.`, 'give e.g. --client billing-worker');
  }
  const serverName = values['server-name'];
  const serverProblem = serverName === undefined ? undefined : serverNameProblem(serverName);
  if (serverProblem)
    throw new UsageError(`--server-name: ${serverProblem}.`, `give e.g. --server-name ${DEFAULT_SERVER_NAME}`);
  return {
    help: false,
    options: {
      outDir: values.out,
      clients: values.client,
      algorithm: values.rsa ? 'rsa' : 'ecdsa',
      days: values.days === undefined ? undefined : parseDays(values.days),
      serverName,
      force: values.force ?? false,
    },
  };
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        out: { type: 'string' },
        client: { type: 'string', multiple: true },
        rsa: { type: 'boolean' },
        days: { type: 'string' },
        'server-name': { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('. ')[0]}.`, `see --help; usage: ${USAGE.split('\n')[0]}`);
  }
}

function parseDays(text: string): number {
  const days = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (daysProblem(days))
    throw new UsageError(`--days is "${text}": ${daysProblem(days)}.`, `give e.g. --days ${DEFAULT_DAYS}`);
  return days;
}
