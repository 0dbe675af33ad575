import { ErrorWithFix } from '@temporal-samples/connection';

export class CertOptionError extends ErrorWithFix {}

/** Existing files in the certificate folder that cannot be used as they are. */
export class CertMaterialError extends ErrorWithFix {
  constructor(
    readonly file: string,
    problem: string,
    fix = `restore the file, or regenerate everything with --force (it replaces every certificate and key in the folder).`,
  ) {
    super(`${file}: ${problem}`, fix);
  }
}
