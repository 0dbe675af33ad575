import { SetupError } from '@temporal-samples/connection';

export class ServerBinaryError extends SetupError {
  readonly kind = 'server-binary';
}

export class ServerStartError extends SetupError {
  readonly kind = 'server-start';
}

export class UsageError extends SetupError {
  readonly kind = 'usage';
}
