import { at, ErrorWithFix, type SettingOrigin } from './error-with-fix';

/** Connecting: the server is not there, TLS does not agree, or the namespace is not registered. */
export class UnreachableServerError extends ErrorWithFix {
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

export class ServerSpeaksTlsError extends ErrorWithFix {
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

export class ServerNotTlsError extends ErrorWithFix {
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

export class ServerNameMismatchError extends ErrorWithFix {
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

export class ServerCertUntrustedError extends ErrorWithFix {
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

export class ClientCertRequiredError extends ErrorWithFix {
  constructor(address: string) {
    super(
      `The server at ${address} requires a client certificate (mutual TLS) and none was given.`,
      `set TEMPORAL_TLS_CLIENT_CERT_PATH and TEMPORAL_TLS_CLIENT_KEY_PATH (or their _DATA forms) to a certificate from the cluster's client CA.`,
    );
  }
}

export class ClientCertRejectedError extends ErrorWithFix {
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

export class NamespaceNotRegisteredError extends ErrorWithFix {
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
