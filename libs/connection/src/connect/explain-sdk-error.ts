import { status } from '@grpc/grpc-js';
import { NamespaceNotRegisteredError, UnreachableServerError } from '../errors/connect-errors';
import { ErrorWithFix } from '../errors/error-with-fix';

function reasonFrom(message: string): string {
  if (/ECONNREFUSED|connection refused/i.test(message)) return 'connection refused (nothing listens on that port)';
  if (/ENOTFOUND|EAI_AGAIN|dns|resolve/i.test(message)) return 'the host name does not resolve';
  if (/deadline|timed? ?out/i.test(message)) return 'no answer before the deadline';
  return message.split('\n')[0];
}

/** Turns what the SDK throws while connecting into an ErrorWithFix that names the address. */
export function toConnectError(error: unknown, address: string): ErrorWithFix {
  if (error instanceof ErrorWithFix) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new UnreachableServerError(address, reasonFrom(message), error);
}

/** The gRPC status of an SDK call's failure, by name: `hasGrpcStatus(error, status.NOT_FOUND)`. */
export function hasGrpcStatus(error: unknown, code: status): boolean {
  return (error as { code?: unknown } | undefined)?.code === code;
}

export function namespaceError(error: unknown, namespace: string, address: string): ErrorWithFix {
  return hasGrpcStatus(error, status.NOT_FOUND)
    ? new NamespaceNotRegisteredError(namespace, address)
    : toConnectError(error, address);
}
