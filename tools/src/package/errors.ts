import { SetupError } from '@temporal-samples/connection';

export class PackageError extends SetupError {
  readonly kind = 'package';
}
