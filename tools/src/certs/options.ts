/** What generateCertificates accepts, its defaults, and the checks shared with the CLI. */
import { resolve } from 'node:path';
import { CertOptionError } from './errors';
import type { KeyAlgorithm } from './keys';
import { certsDir } from './layout';

export const REQUIRED_CLIENTS = ['local-mtls', 'system-worker'] as const;
export const DEFAULT_DAYS = 365;
export const MAX_DAYS = 3650;
export const DEFAULT_SERVER_NAME = 'temporal.local';

export interface CertificateOptions {
  /** Default: SAMPLES_CERTS_DIR, else `<workspace root>/certs`. */
  outDir?: string;
  /** Client certificates to have; `local-mtls` and `system-worker` are always added. */
  clients?: string[];
  /** Key type of newly made keys: ECDSA P-256 (default) or RSA 2048. */
  algorithm?: KeyAlgorithm;
  /** Validity of new certificates, in days. Default 365. */
  days?: number;
  /** The name clients verify on the frontend certificate. Default `temporal.local`. */
  serverName?: string;
  /** More names the frontend certificate carries, e.g. a second endpoint selected by SNI. */
  extraServerNames?: string[];
  /** Replace every certificate and key, even those that are fine. */
  force?: boolean;
  onProgress?: (message: string) => void;
}

export type ResolvedOptions = Required<Omit<CertificateOptions, 'onProgress'>> & Pick<CertificateOptions, 'onProgress'>;

const CLIENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const DNS_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

export function clientNameProblem(name: string): string | undefined {
  if (CLIENT_NAME.test(name)) return undefined;
  return `client name "${name}" is not allowed: it becomes a file name and a certificate CN, so use 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit`;
}

export function serverNameProblem(name: string): string | undefined {
  if (name.length <= 253 && name.split('.').every((label) => DNS_LABEL.test(label))) return undefined;
  return `server name "${name}" is not a DNS name (labels of letters, digits and "-", separated by ".")`;
}

export function daysProblem(days: number): string | undefined {
  if (Number.isInteger(days) && days >= 1 && days <= MAX_DAYS) return undefined;
  return `it must be a whole number of days from 1 to ${MAX_DAYS}`;
}

export function resolveOptions(options: CertificateOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    outDir: resolve(options.outDir ?? certsDir()),
    clients: [...new Set([...REQUIRED_CLIENTS, ...(options.clients ?? [])])],
    algorithm: options.algorithm ?? 'ecdsa',
    days: options.days ?? DEFAULT_DAYS,
    serverName: options.serverName ?? DEFAULT_SERVER_NAME,
    extraServerNames: options.extraServerNames ?? [],
    force: options.force ?? false,
    onProgress: options.onProgress,
  };
  const problems = [
    ...resolved.clients.map(clientNameProblem),
    serverNameProblem(resolved.serverName),
    ...resolved.extraServerNames.map(serverNameProblem),
    daysProblem(resolved.days) && `days is ${resolved.days}: ${daysProblem(resolved.days)}`,
    resolved.algorithm === 'ecdsa' || resolved.algorithm === 'rsa'
      ? undefined
      : `algorithm "${String(resolved.algorithm)}" is neither "ecdsa" nor "rsa"`,
  ].filter((problem): problem is string => problem !== undefined);
  if (problems.length > 0) {
    throw new CertOptionError(
      `Cannot generate certificates: ${problems.join('; ')}.`,
      'correct the options and run again.',
    );
  }
  return resolved;
}
