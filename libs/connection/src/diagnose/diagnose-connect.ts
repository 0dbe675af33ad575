import {
  ClientCertRejectedError,
  ClientCertRequiredError,
  ServerCertUntrustedError,
  ServerNameMismatchError,
  ServerNotTlsError,
  ServerSpeaksTlsError,
  UnreachableServerError,
} from '../errors/connect-errors';
import { type ErrorWithFix, type SettingOrigin } from '../errors/error-with-fix';
import { hostAndPort } from '../profile/address';
import type { Profile } from '../profile/profile';
import { probeTcp, probeTls, type ProbeOutcome } from './tls-probe';

const NOT_TLS = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ECONNRESET', 'EPROTO']);
const UNTRUSTED_SERVER = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_SIGNATURE_FAILURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
]);
const CLIENT_CERT_REJECTED: Record<string, string> = {
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: 'it was not issued by a CA the server accepts for clients',
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: 'the server could not verify it',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED: 'the server says it has expired',
  ERR_SSL_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE: 'it is not usable for client authentication',
};

function originOf(profile: Profile, variable: RegExp): SettingOrigin | undefined {
  const entry = profile.entries.find((candidate) => variable.test(candidate.variable));
  return entry && { variable: entry.variable, source: entry.source };
}

const tlsOrigin = (profile: Profile): SettingOrigin =>
  originOf(profile, /^(TEMPORAL_TLS|tls\.disabled)$/) ?? { variable: 'TEMPORAL_TLS', source: 'default' };

function certificateNames(message: string): string[] {
  const list = message.split("cert's altnames: ")[1] ?? '';
  return list
    .split(', ')
    .map((name) =>
      name
        .replace(/^(DNS|IP Address):/, '')
        .replace(/^0:0:0:0:0:0:0:1$/, '::1')
        .trim(),
    )
    .filter(Boolean);
}

export function unreachable(profile: Profile, outcome: ProbeOutcome): ErrorWithFix | undefined {
  const reasons: Partial<Record<ProbeOutcome['kind'], string>> = {
    refused: 'connection refused (nothing listens on that port)',
    unresolved: 'the host name does not resolve',
    timeout: 'no answer (a firewall, a wrong host, or a server that is not up)',
  };
  const reason = reasons[outcome.kind];
  return reason ? new UnreachableServerError(profile.address, reason) : undefined;
}

export function explainTlsOutcome(profile: Profile, outcome: ProbeOutcome): ErrorWithFix | undefined {
  if (outcome.kind !== 'error') {
    return outcome.kind === 'closed'
      ? new ServerNotTlsError(profile.address, tlsOrigin(profile))
      : unreachable(profile, outcome);
  }
  const { code, message } = outcome;
  if (NOT_TLS.has(code)) return new ServerNotTlsError(profile.address, tlsOrigin(profile));
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const origin = originOf(profile, /SERVER_NAME|server_name/) ?? originOf(profile, /ADDRESS|^address$/);
    const serverName = profile.tls?.serverName ?? hostAndPort(profile.address).host;
    return new ServerNameMismatchError(
      origin ?? { variable: 'TEMPORAL_ADDRESS', source: 'profile' },
      serverName,
      certificateNames(message),
    );
  }
  if (UNTRUSTED_SERVER.has(code)) {
    return new ServerCertUntrustedError(originOf(profile, /SERVER_CA_CERT|server_ca_cert/), message.trim());
  }
  if (code === 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED' || code === 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE') {
    if (!profile.tls?.clientCert) return new ClientCertRequiredError(profile.address);
  }
  const rejected = CLIENT_CERT_REJECTED[code];
  const certOrigin = originOf(profile, /CLIENT_CERT|client_cert/);
  if (rejected && certOrigin) return new ClientCertRejectedError(certOrigin, rejected);
  return undefined;
}

/** Whether a probe reached a TLS server at all, whatever it then thought of us. */
export function speaksTls(outcome: ProbeOutcome): boolean {
  return outcome.kind === 'accepted' || (outcome.kind === 'error' && !NOT_TLS.has(outcome.code));
}

/** The TLS handshake exactly as the profile's client makes it. */
export function probeWithProfile(profile: Profile): Promise<ProbeOutcome> {
  const { host, port } = hostAndPort(profile.address);
  return probeTls({
    host,
    port,
    serverName: profile.tls?.serverName,
    ca: profile.tls?.serverCaCert,
    cert: profile.tls?.clientCert,
    key: profile.tls?.clientKey,
  });
}

/**
 * Finds why a connection failed by repeating its first steps by hand: TCP, then the TLS
 * handshake with the profile's own certificates. Undefined when nothing explains it.
 */
export async function diagnoseConnectFailure(profile: Profile): Promise<ErrorWithFix | undefined> {
  const { host, port } = hostAndPort(profile.address);
  const tcp = await probeTcp(host, port);
  if (tcp.kind !== 'accepted') return unreachable(profile, tcp);
  if (!profile.tls) {
    const speaks = speaksTls(await probeTls({ host, port, acceptAnyServerCert: true }));
    return speaks ? new ServerSpeaksTlsError(profile.address, tlsOrigin(profile)) : undefined;
  }
  return explainTlsOutcome(profile, await probeWithProfile(profile));
}
