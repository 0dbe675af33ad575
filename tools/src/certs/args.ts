/** The certificate CLI's command line, turned into generateCertificates options or a UsageError. */
import { statSync } from 'node:fs';
import { defineCommand, parseCommand } from '../cli/command';
import { UsageError } from '../cli/errors';
import {
  clientNameProblem,
  daysProblem,
  DEFAULT_DAYS,
  DEFAULT_SERVER_NAME,
  serverNameProblem,
  type CertificateOptions,
} from './options';

export const CERTS_COMMAND = defineCommand({
  usage: 'npx nx run tools:certs --',
  summary:
    'Makes the local CAs, server and client certificates (ECDSA P-256 by default) and a manifest; keeps material ' +
    'that is still good, replaces what is missing, expired or broken. Keys are written 0600 and never printed.',
  options: {
    out: {
      type: 'string',
      value: '<dir>',
      description: 'certificate folder (default: $SAMPLES_CERTS_DIR, else <workspace>/certs)',
    },
    client: {
      type: 'string',
      value: '<name>',
      multiple: true,
      description: 'another client certificate; local-mtls and system-worker are always made',
    },
    rsa: { type: 'boolean', description: 'RSA 2048 keys instead of ECDSA P-256' },
    days: { type: 'string', value: '<n>', description: `validity of new certificates (default ${DEFAULT_DAYS})` },
    'server-name': {
      type: 'string',
      value: '<name>',
      description: `the name clients verify on the frontend (default ${DEFAULT_SERVER_NAME})`,
    },
    force: { type: 'boolean', description: 'replace every certificate and key, even those that are fine' },
  },
});

export type CertCommand = { help: true } | { help: false; options: CertificateOptions };

export function parseCertArgs(args: string[]): CertCommand {
  const command = parseCommand(CERTS_COMMAND, args);
  if (command.help) return { help: true };
  const { values } = command;
  for (const name of values.client ?? []) {
    const problem = clientNameProblem(name);
    if (problem) throw new UsageError(`--client: ${problem}.`, 'give e.g. --client billing-worker');
  }
  const serverName = values['server-name'];
  const serverProblem = serverName === undefined ? undefined : serverNameProblem(serverName);
  if (serverProblem) {
    throw new UsageError(`--server-name: ${serverProblem}.`, `give e.g. --server-name ${DEFAULT_SERVER_NAME}`);
  }
  if (values.out !== undefined && statSync(values.out, { throwIfNoEntry: false })?.isFile()) {
    throw new UsageError(
      `--out ${values.out} is a file.`,
      'give a folder for the certificates (it is made if missing).',
    );
  }
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

function parseDays(text: string): number {
  const days = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  const problem = daysProblem(days);
  if (problem) throw new UsageError(`--days is "${text}": ${problem}.`, `give e.g. --days ${DEFAULT_DAYS}`);
  return days;
}
