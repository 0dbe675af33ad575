import type { SecretSetting } from '../errors/secret-errors';

/** One version of a secret as a store holds it. */
export interface SecretVersion {
  value: string;
  /** The store's id of this version; a new id means the secret was rotated. */
  versionId: string;
}

/**
 * A secrets manager the profile can read credentials from. A store reads the current version of
 * a secret by its id and turns its own failures into the catalogue's errors (secret-errors.ts),
 * naming the setting, the secret id and the fix. docs/secrets.md says how to add one.
 */
export interface SecretStore {
  /** How messages and the profile printer name it, e.g. `AWS Secrets Manager`. */
  readonly name: string;
  read(secret: SecretSetting): Promise<SecretVersion>;
}
