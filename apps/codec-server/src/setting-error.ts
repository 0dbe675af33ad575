import { ErrorWithFix } from '@temporal-samples/connection';

export class CodecServerSettingError extends ErrorWithFix {}
