import { ErrorWithFix } from './error-with-fix';

/** Permission: the server answered, and refused these credentials. */
export class PermissionDeniedError extends ErrorWithFix {
  constructor(
    readonly namespace: string,
    operation: string,
    reason: string,
    fix: string,
  ) {
    super(`The server refused to ${operation} in namespace "${namespace}": ${reason}.`, fix);
  }
}
