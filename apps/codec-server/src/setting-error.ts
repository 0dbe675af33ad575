import { SetupError } from '@temporal-samples/connection';

export class CodecServerSettingError extends SetupError {
  readonly kind = 'codec-server-setting';
}
