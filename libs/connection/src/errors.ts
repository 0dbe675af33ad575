/**
 * Every failure to set up a Temporal connection is one of these types. The message says what
 * failed and where (variable, file, address); `fix` says what to do about it.
 */
export abstract class SetupError extends Error {
  abstract readonly kind: string;

  constructor(
    readonly problem: string,
    readonly fix: string,
    options?: { cause?: unknown },
  ) {
    super(`${problem}\n  Fix: ${fix}`, options);
    this.name = new.target.name;
  }
}

/** Where a value came from, as a person would look for it, e.g. `TEMPORAL_ADDRESS in apps/plain/.env`. */
export interface SettingOrigin {
  variable: string;
  source: string;
}

const DEFAULT_PORT = 7233;

/** The host part of `host`, `host:port`, `[v6]` or `[v6]:port`. */
function hostOf(address: string): string {
  if (address.startsWith('[')) return address.slice(0, address.indexOf(']') + 1 || undefined);
  return address.split(':')[0];
}

function withPort(hostPort: string): string {
  const hasPort = hostPort.startsWith('[') ? /\]:\d+$/.test(hostPort) : /:\d+$/.test(hostPort);
  return hasPort ? hostPort : `${hostOf(hostPort)}:${DEFAULT_PORT}`;
}

const at = (origin: SettingOrigin) => `${origin.variable} (from ${origin.source})`;

export class MissingSettingError extends SetupError {
  readonly kind = 'missing-setting';
  constructor(
    readonly variable: string,
    searched: string[],
    example: string,
  ) {
    super(
      `${variable} is not set; looked in ${searched.join(', ')}.`,
      `add ${variable}=${example} to the app's .env (or export it).`,
    );
  }
}

export class AddressSchemeError extends SetupError {
  readonly kind = 'address-scheme';
  constructor(
    readonly origin: SettingOrigin,
    address: string,
  ) {
    const hostPort = withPort(address.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/.*$/, ''));
    super(
      `${at(origin)} is "${address}", which has a URL scheme; Temporal's gRPC address is host:port.`,
      `set ${origin.variable}=${hostPort}`,
    );
  }
}

export class AddressPortError extends SetupError {
  readonly kind = 'address-port';
  constructor(
    readonly origin: SettingOrigin,
    address: string,
  ) {
    super(
      `${at(origin)} is "${address}", which has no valid port.`,
      `give host:port, e.g. ${origin.variable}=${withPort(hostOf(address))}`,
    );
  }
}

export class IncompleteCertPairError extends SetupError {
  readonly kind = 'incomplete-cert-pair';
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

export class UnreadableFileError extends SetupError {
  readonly kind = 'unreadable-file';
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

export class NotPemError extends SetupError {
  readonly kind = 'not-pem';
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

export class ConfigFileError extends SetupError {
  readonly kind = 'config-file';
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

export class UnreachableServerError extends SetupError {
  readonly kind = 'unreachable-server';
  constructor(
    readonly address: string,
    reason: string,
    cause?: unknown,
  ) {
    super(
      `Could not reach a Temporal server at ${address}: ${reason}.`,
      `check that the server is running and listening there (for a local one: npx nx run <app>:server), and that TEMPORAL_ADDRESS and TLS settings match it.`,
      { cause },
    );
  }
}

export class NamespaceNotFoundError extends SetupError {
  readonly kind = 'namespace-not-found';
  constructor(
    readonly namespace: string,
    address: string,
  ) {
    super(
      `Namespace "${namespace}" does not exist on ${address}.`,
      `register it (npx nx run tools:namespace -- --name ${namespace}) or fix TEMPORAL_NAMESPACE.`,
    );
  }
}

export class ConflictingSettingsError extends SetupError {
  readonly kind = 'conflicting-settings';
  constructor(first: SettingOrigin, second: SettingOrigin) {
    super(
      `${at(first)} and ${at(second)} are both set; only one of them can be used.`,
      `remove one of them (a _PATH names a file, a _DATA holds the PEM text itself).`,
    );
  }
}

export class UnsupportedSettingError extends SetupError {
  readonly kind = 'unsupported-setting';
  constructor(
    readonly origin: SettingOrigin,
    reason: string,
    fix: string,
  ) {
    super(`${at(origin)} ${reason}`, fix);
  }
}

export class KeyMismatchError extends SetupError {
  readonly kind = 'key-mismatch';
  constructor(cert: SettingOrigin, key: SettingOrigin) {
    super(
      `The private key in ${at(key)} does not belong to the certificate in ${at(cert)}.`,
      `use the key that was generated with that certificate (for local certificates: npx nx run tools:certs -- --force).`,
    );
  }
}

export class CertificateValidityError extends SetupError {
  readonly kind = 'certificate-validity';
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

export class CaAsClientCertError extends SetupError {
  readonly kind = 'ca-as-client-cert';
  constructor(readonly origin: SettingOrigin) {
    super(
      `${at(origin)} holds a CA certificate, but a client certificate belongs there.`,
      `point it at the client (leaf) certificate issued by that CA; the CA goes nowhere on the client side for mTLS to the server.`,
    );
  }
}

export class ServerNameMismatchError extends SetupError {
  readonly kind = 'server-name-mismatch';
  constructor(
    readonly origin: SettingOrigin,
    serverName: string,
    certificateNames: string[],
  ) {
    super(
      `The server's certificate is not valid for "${serverName}" (${at(origin)}); it names ${certificateNames.join(', ') || 'other hosts'}. ` +
        'The connection was refused, as it must be when a server could be an impostor.',
      `if this is the right server, set TEMPORAL_TLS_SERVER_NAME to a name its certificate carries; otherwise check TEMPORAL_ADDRESS.`,
    );
  }
}

export class ServerCertUntrustedError extends SetupError {
  readonly kind = 'server-cert-untrusted';
  constructor(
    readonly origin: SettingOrigin | undefined,
    reason: string,
  ) {
    const trusted = origin ? `the CA in ${at(origin)}` : "the system's trusted CAs";
    super(
      `The server's certificate is not trusted: ${reason}; this client trusts ${trusted}.`,
      `set TEMPORAL_TLS_SERVER_CA_CERT_PATH to the CA that signed the server's certificate (locally: certs/server-ca.pem).`,
    );
  }
}

export class ClientCertRequiredError extends SetupError {
  readonly kind = 'client-cert-required';
  constructor(address: string) {
    super(
      `The server at ${address} requires a client certificate (mutual TLS) and none was given.`,
      `set TEMPORAL_TLS_CLIENT_CERT_PATH and TEMPORAL_TLS_CLIENT_KEY_PATH (or their _DATA forms) to a certificate from the cluster's client CA.`,
    );
  }
}

export class ClientCertRejectedError extends SetupError {
  readonly kind = 'client-cert-rejected';
  constructor(
    readonly origin: SettingOrigin,
    reason: string,
  ) {
    super(
      `The server refused the client certificate in ${at(origin)}: ${reason}.`,
      `use a certificate issued by the cluster's client CA and still valid (locally: npx nx run tools:certs -- --client <name>).`,
    );
  }
}

export class ServerSpeaksTlsError extends SetupError {
  readonly kind = 'server-speaks-tls';
  constructor(
    address: string,
    readonly origin: SettingOrigin,
  ) {
    super(
      `The server at ${address} speaks TLS, but this profile connects in plaintext (${at(origin)}).`,
      `turn TLS on (TEMPORAL_TLS=true with the certificate settings, as in apps/local-mtls/.env) or use the server's plaintext port.`,
    );
  }
}

export class ServerNotTlsError extends SetupError {
  readonly kind = 'server-not-tls';
  constructor(
    address: string,
    readonly origin: SettingOrigin,
  ) {
    super(
      `The server at ${address} does not speak TLS, but this profile turns TLS on (${at(origin)}).`,
      `use the server's TLS port, or set TEMPORAL_TLS=false if that server is meant to be plaintext.`,
    );
  }
}

export class WebUiAddressError extends SetupError {
  readonly kind = 'web-ui-address';
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

export class CloudNamespaceError extends SetupError {
  readonly kind = 'cloud-namespace';
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

export class MissingEnvFileError extends SetupError {
  readonly kind = 'missing-env-file';
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

export class PlaceholderValueError extends SetupError {
  readonly kind = 'placeholder-value';
  constructor(readonly origin: SettingOrigin) {
    super(`${at(origin)} still holds a template placeholder (<...>).`, `replace it with your own value.`);
  }
}

export class PermissionDeniedError extends SetupError {
  readonly kind = 'permission-denied';
  constructor(
    readonly namespace: string,
    operation: string,
    reason: string,
    fix: string,
  ) {
    super(`The server refused to ${operation} in namespace "${namespace}": ${reason}.`, fix);
  }
}

export class CodecSettingError extends SetupError {
  readonly kind = 'codec-setting';
  constructor(
    readonly origin: SettingOrigin,
    problem: string,
    fix: string,
  ) {
    super(`${at(origin)}: ${problem}`, fix);
  }
}

export class ClientCertUsageError extends SetupError {
  readonly kind = 'client-cert-usage';
  constructor(readonly origin: SettingOrigin) {
    super(
      `The certificate in ${at(origin)} is not for client authentication (its extended key usage lacks clientAuth); a server will refuse it.`,
      `use a client certificate (for local certificates: npx nx run tools:certs -- --client <name>).`,
    );
  }
}
