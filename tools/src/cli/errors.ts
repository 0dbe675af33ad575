import { SetupError } from '@temporal-samples/connection';

export class GoBinaryError extends SetupError {
  readonly kind = 'go-binary';
}

export class ServerStartError extends SetupError {
  readonly kind = 'server-start';
}

export class UsageError extends SetupError {
  readonly kind = 'usage';
}
