import { ErrorWithFix } from '@temporal-samples/connection';

export class PackageError extends ErrorWithFix {}
