import { NamespaceNotFoundError, SetupError, UnreachableServerError } from './errors';

const GRPC_NOT_FOUND = 5;

function reasonFrom(message: string): string {
  if (/ECONNREFUSED|connection refused/i.test(message)) return 'connection refused (nothing listens on that port)';
  if (/ENOTFOUND|EAI_AGAIN|dns|resolve/i.test(message)) return 'the host name does not resolve';
  if (/deadline|timed? ?out/i.test(message)) return 'no answer before the deadline';
  return message.split('\n')[0];
}

/** Turns what the SDK throws while connecting into a SetupError that names the address. */
export function toConnectError(error: unknown, address: string): SetupError {
  if (error instanceof SetupError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new UnreachableServerError(address, reasonFrom(message), error);
}

export function isNotFound(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === GRPC_NOT_FOUND;
}

export function namespaceError(error: unknown, namespace: string, address: string): SetupError {
  return isNotFound(error) ? new NamespaceNotFoundError(namespace, address) : toConnectError(error, address);
}
