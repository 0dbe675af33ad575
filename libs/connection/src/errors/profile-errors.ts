import { hostPart, withDefaultPort, withoutUrlParts } from '../profile/address';
import { at, ErrorWithFix, type SettingOrigin } from './error-with-fix';

/** Profile and settings: a value is missing, malformed, or cannot be used as given. Thrown by loadProfile before anything dials. */
export class MissingSettingError extends ErrorWithFix {
  constructor(
    readonly variable: string,
    searched: string[],
    example: string,
    /** Where the value belongs: `.env.local` (git-ignored) for a secret. */
    file: '.env' | '.env.local' = '.env',
  ) {
    super(
      `${variable} is not set; looked in ${searched.join(', ')}.`,
      `add ${variable}=${example} to the app's ${file} (or export it).`,
    );
  }
}

export class MissingEnvFileError extends ErrorWithFix {
  constructor(
    readonly envDir: string,
    example: string,
  ) {
    super(
      `${envDir} has no .env (nor .env.local), and the environment does not set the connection either.`,
      `copy the template and fill it in: cp ${example} ${envDir}/.env`,
    );
  }
}

export class EnvFileNotFoundError extends ErrorWithFix {
  constructor(
    readonly path: string,
    reason: 'does not exist' | 'is a folder',
  ) {
    super(
      `The env file ${path} ${reason}.`,
      `give the path of the env file itself (a relative path is resolved from the current folder, ${process.cwd()}).`,
    );
  }
}

export class EnvDirNotFoundError extends ErrorWithFix {
  constructor(
    readonly path: string,
    reason: 'does not exist' | 'is a file',
  ) {
    super(
      `The app folder ${path} ${reason}, so there is no .env to read.`,
      `give the folder that holds the app's .env, e.g. apps/plain (a relative path is resolved from the current folder, ${process.cwd()}).`,
    );
  }
}

export class PlaceholderValueError extends ErrorWithFix {
  constructor(readonly origin: SettingOrigin) {
    super(`${at(origin)} still holds a template placeholder (<...>).`, `replace it with your own value.`);
  }
}

export class AddressSchemeError extends ErrorWithFix {
  constructor(
    readonly origin: SettingOrigin,
    address: string,
  ) {
    const hostPort = withDefaultPort(withoutUrlParts(address));
    super(
      `${at(origin)} is "${address}", which has a URL scheme; Temporal's gRPC address is host:port.`,
      `set ${origin.variable}=${hostPort}`,
    );
  }
}

export class AddressPortError extends ErrorWithFix {
  constructor(
    readonly origin: SettingOrigin,
    address: string,
  ) {
    super(
      `${at(origin)} is "${address}", which has no valid port.`,
      `give host:port, e.g. ${origin.variable}=${withDefaultPort(hostPart(address))}`,
    );
  }
}

export class WebUiAddressError extends ErrorWithFix {
  constructor(
    readonly origin: SettingOrigin,
    address: string,
  ) {
    super(
      `${at(origin)} is "${address}", the Web UI host; workers and clients need the gRPC endpoint.`,
      `use the namespace's gRPC endpoint, e.g. <namespace>.<account>.tmprl.cloud:7233 (Cloud UI: Namespaces > your namespace > gRPC endpoint), or <region>.<cloud>.api.temporal.io:7233 with an API key.`,
    );
  }
}

export class CloudNamespaceError extends ErrorWithFix {
  constructor(
    readonly origin: SettingOrigin,
    namespace: string,
    address: string,
  ) {
    super(
      `${at(origin)} is "${namespace}", but ${address} is a Temporal Cloud endpoint, where namespaces are named <namespace>.<account> (e.g. payments.a1b2c).`,
      `copy the full namespace name, with its account suffix, from the Cloud UI.`,
    );
  }
}

export class ConfigFileError extends ErrorWithFix {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(
      `The Temporal config file ${file} could not be used: ${reason}.`,
      `fix the TOML file, choose another with TEMPORAL_CONFIG_FILE / TEMPORAL_PROFILE, or unset them.`,
    );
  }
}

export class ConflictingSettingsError extends ErrorWithFix {
  constructor(first: SettingOrigin, second: SettingOrigin) {
    super(
      `${at(first)} and ${at(second)} are both set; only one of them can be used.`,
      `remove one of them (a _PATH names a file, a _DATA holds the PEM text itself).`,
    );
  }
}

export class UnsupportedSettingError extends ErrorWithFix {
  constructor(
    readonly origin: SettingOrigin,
    reason: string,
    fix: string,
  ) {
    super(`${at(origin)} ${reason}`, fix);
  }
}

export class UnreadableFileError extends ErrorWithFix {
  constructor(
    readonly origin: SettingOrigin,
    readonly path: string,
    reason: string,
  ) {
    super(
      `${at(origin)} points at ${path}, which cannot be read: ${reason}.`,
      `check the path (relative paths are resolved from the app folder) and the file's permissions.`,
    );
  }
}

export class NotPemError extends ErrorWithFix {
  constructor(
    readonly origin: SettingOrigin,
    expected: string,
    found: string,
  ) {
    super(
      `${at(origin)} should hold a PEM ${expected} ("-----BEGIN ${expected}-----") but ${found}.`,
      `point it at the right file, or paste the whole PEM block; escaped "\\n", CRLF and indentation are accepted.`,
    );
  }
}

export class IncompleteCertPairError extends ErrorWithFix {
  constructor(
    readonly present: SettingOrigin,
    missingVariable: string,
  ) {
    super(
      `${at(present)} is set but ${missingVariable} is not; mTLS needs the certificate and its private key together.`,
      `set ${missingVariable} (or its _DATA form), or remove ${present.variable}.`,
    );
  }
}

export class KeyMismatchError extends ErrorWithFix {
  constructor(cert: SettingOrigin, key: SettingOrigin) {
    super(
      `The private key in ${at(key)} does not belong to the certificate in ${at(cert)}.`,
      `use the key that was generated with that certificate (for local certificates: npx nx run tools:certs -- --force).`,
    );
  }
}

export class CertificateValidityError extends ErrorWithFix {
  constructor(
    readonly origin: SettingOrigin,
    state: 'expired' | 'not yet valid',
    validFrom: string,
    validTo: string,
  ) {
    super(
      `The certificate in ${at(origin)} is ${state} (valid from ${validFrom} to ${validTo}).`,
      state === 'expired'
        ? `renew it (for local certificates: npx nx run tools:certs -- --force) and point ${origin.variable} at the new file.`
        : `check this machine's clock, or wait until it becomes valid.`,
    );
  }
}

export class CaAsClientCertError extends ErrorWithFix {
  constructor(readonly origin: SettingOrigin) {
    super(
      `${at(origin)} holds a CA certificate, but a client certificate belongs there.`,
      `point it at the client (leaf) certificate issued by that CA; the CA goes nowhere on the client side for mTLS to the server.`,
    );
  }
}

export class ClientCertUsageError extends ErrorWithFix {
  constructor(readonly origin: SettingOrigin) {
    super(
      `The certificate in ${at(origin)} is not for client authentication (its extended key usage lacks clientAuth); a server will refuse it.`,
      `use a client certificate (for local certificates: npx nx run tools:certs -- --client <name>).`,
    );
  }
}

export class CodecSettingError extends ErrorWithFix {
  constructor(
    readonly origin: SettingOrigin,
    problem: string,
    fix: string,
  ) {
    super(`${at(origin)}: ${problem}`, fix);
  }
}
