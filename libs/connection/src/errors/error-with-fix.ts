/** `MissingSettingError` -> `missing-setting`: the class name, as a stable id for tools and reports. */
function kindOf(className: string): string {
  return className
    .replace(/Error$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/**
 * A failure a person can act on: `problem` says what happened and why, naming the value and
 * where it came from; `fix` says what to do. Every error in the catalogue (this folder, and the
 * tools' errors) extends it; its `kind` comes from the class name.
 */
export abstract class ErrorWithFix extends Error {
  readonly kind: string;

  constructor(
    readonly problem: string,
    readonly fix: string,
    options?: { cause?: unknown },
  ) {
    super(`${problem}\n  Fix: ${fix}`, options);
    this.name = new.target.name;
    this.kind = kindOf(new.target.name);
  }
}

/** Where a value came from, as a person would look for it, e.g. `TEMPORAL_ADDRESS in apps/plain/.env`. */
export interface SettingOrigin {
  variable: string;
  source: string;
}

/** `TEMPORAL_ADDRESS (from apps/plain/.env)`: how every message names a value's origin. */
export const at = (origin: SettingOrigin) => `${origin.variable} (from ${origin.source})`;
