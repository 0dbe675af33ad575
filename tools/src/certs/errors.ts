import { ErrorWithFix } from '@temporal-samples/connection/errors';

export class CertOptionError extends ErrorWithFix {}

/** The setting that moves the certificate folder names something that cannot be one. */
export class CertsDirError extends ErrorWithFix {
  constructor(variable: string, given: string, dir: string) {
    super(
      `${variable} (from the process environment) is "${given}", which is a file (${dir}), not a folder.`,
      `point ${variable} at a folder (it is made when missing), or unset it to use the workspace's certs/.`,
    );
  }
}

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
