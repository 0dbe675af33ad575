import { ErrorWithFix } from '@temporal-samples/connection/errors';

export class GoBinaryError extends ErrorWithFix {}

export class ServerStartError extends ErrorWithFix {}

export class UsageError extends ErrorWithFix {}

export class StoreError extends ErrorWithFix {}
