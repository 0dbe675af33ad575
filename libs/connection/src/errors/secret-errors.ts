import { at, ErrorWithFix, type SettingOrigin } from './error-with-fix';

/** The secret a setting names: which setting, where it was set, the store and the secret id. */
export interface SecretSetting {
  origin: SettingOrigin;
  store: string;
  secretId: string;
}

const names = ({ origin, store, secretId }: SecretSetting) => `${at(origin)} names ${store} secret "${secretId}"`;

/** Secrets managers: a setting names a secret that cannot be read or does not hold what it should. Thrown by resolveProfile. */
export class SecretNotFoundError extends ErrorWithFix {
  constructor(
    readonly secret: SecretSetting,
    where: string,
    fix: string,
  ) {
    super(`${names(secret)}, which does not exist ${where}.`, fix);
  }
}

export class SecretAccessDeniedError extends ErrorWithFix {
  constructor(
    readonly secret: SecretSetting,
    reason: string,
    fix: string,
  ) {
    super(`${names(secret)}, which these credentials may not read: ${reason}.`, fix);
  }
}

export class SecretStoreCredentialsError extends ErrorWithFix {
  constructor(
    readonly secret: SecretSetting,
    reason: string,
    fix: string,
  ) {
    super(`${names(secret)}, but no credentials for ${secret.store} were found: ${reason}.`, fix);
  }
}

export class SecretStoreUnreachableError extends ErrorWithFix {
  constructor(
    readonly secret: SecretSetting,
    endpoint: string,
    reason: string,
    fix: string,
  ) {
    super(`${names(secret)}, but ${secret.store} at ${endpoint} did not answer: ${reason}.`, fix);
  }
}

export class SecretFieldError extends ErrorWithFix {
  constructor(
    readonly secret: SecretSetting,
    field: string,
    found: string,
  ) {
    super(
      `${names(secret)} with the JSON field "${field}", but ${found}.`,
      `name a field the secret holds (${secret.origin.variable}=${secret.secretId}#<field>), or drop "#${field}" if the secret holds the value itself.`,
    );
  }
}

export class SecretNotPemError extends ErrorWithFix {
  constructor(
    readonly secret: SecretSetting,
    expected: string,
    found: string,
  ) {
    super(
      `${names(secret)}, which should hold a PEM ${expected} ("-----BEGIN ${expected}-----") but ${found}.`,
      `store the PEM text itself as the secret's value (or as a JSON field named with #<field>), e.g. aws secretsmanager put-secret-value --secret-id ${secret.secretId} --secret-string file://<file>.pem`,
    );
  }
}

export class SecretValueError extends ErrorWithFix {
  constructor(
    readonly secret: SecretSetting,
    reason: string,
    fix: string,
  ) {
    super(`${names(secret)}, which ${reason}`, fix);
  }
}

export class SecretsNotReadError extends ErrorWithFix {
  constructor(origin: SettingOrigin) {
    super(
      `${at(origin)} names a secret, and this command reads its profile without secrets managers.`,
      `run the app itself (its worker, client or starter), doctor or the profile printer, which read secrets; or give this command the value as a file or inline setting.`,
    );
  }
}

export class SecretConflictError extends ErrorWithFix {
  constructor(secret: SecretSetting, other: SettingOrigin) {
    super(
      `${at(secret.origin)} and ${at(other)} are both set; a credential comes from one source only.`,
      `remove one of them: keep ${secret.origin.variable} to read it from ${secret.store} (secret "${secret.secretId}"), or ${other.variable} for a file or inline value; a blank ${other.variable}= in a higher layer (e.g. the process environment) hides a lower layer's value.`,
    );
  }
}
