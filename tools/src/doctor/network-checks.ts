import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ServerSpeaksTlsError, type Profile } from '@temporal-samples/connection';
import {
  explainTlsOutcome,
  hostAndPort,
  probeTcp,
  probeTls,
  probeWithProfile,
  speaksTls,
} from '@temporal-samples/connection/tools';
import { acceptableClientCas, issuerAsOpenssl } from './acceptable-cas';
import { fail, pass, type CheckResult } from './check';

const DNS_TIMEOUT_MS = 3_000;

async function resolves(host: string): Promise<string | undefined> {
  if (isIP(host)) return host;
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), DNS_TIMEOUT_MS).unref());
  return Promise.race([
    lookup(host).then(
      ({ address }) => address,
      () => undefined,
    ),
    timeout,
  ]);
}

/** Syntax (already checked by the profile), name resolution, then a TCP connect: refused, timed out, or open. */
export async function checkAddress(profile: Profile): Promise<CheckResult[]> {
  const { host, port } = hostAndPort(profile.address);
  const ip = await resolves(host);
  if (!ip)
    return [
      fail(
        'address',
        'DNS',
        `${host} does not resolve (within ${DNS_TIMEOUT_MS / 1000} s).`,
        'check the host name in TEMPORAL_ADDRESS.',
      ),
    ];
  const results = [
    pass('address', 'DNS', isIP(host) ? `${host} is an IP address: nothing to resolve` : `${host} resolves to ${ip}`),
  ];
  const tcp = await probeTcp(host, port);
  if (tcp.kind === 'accepted') return [...results, pass('address', 'TCP', `${profile.address} accepts connections`)];
  const reasons: Record<string, string> = {
    refused: 'refused the connection (nothing listens there)',
    timeout: 'did not answer within 3 s (a firewall, or a host that is down)',
    unresolved: 'does not resolve',
  };
  const unreachable = tcp.kind === 'error' && /UNREACH/.test(tcp.code);
  const reason = unreachable
    ? 'is unreachable (no route to that host)'
    : (reasons[tcp.kind] ?? `failed (${tcp.kind === 'error' ? tcp.code : tcp.kind})`);
  return [
    ...results,
    fail(
      'address',
      'TCP',
      `${profile.address} ${reason}.`,
      'start the server (npx nx run <app>:server for a local one) or fix the host and port.',
    ),
  ];
}

const normalizedName = (name: string) => name.replace(/\s+/g, '');

/** The client certificate's issuer against the CAs the server names as acceptable, when openssl can read them. */
async function checkAcceptableCa(host: string, port: number, profile: Profile): Promise<CheckResult | undefined> {
  const accepted = await acceptableClientCas(host, port, profile.tls?.serverName);
  if (!accepted || !profile.tls?.clientCert) return undefined;
  const issuer = issuerAsOpenssl(profile.tls.clientCert);
  if (accepted.map(normalizedName).includes(normalizedName(issuer))) {
    return pass(
      'tls',
      'client CA',
      `the client certificate is issued by ${issuer}, which the server names as acceptable`,
    );
  }
  return fail(
    'tls',
    'client CA',
    `the client certificate is issued by ${issuer}, but the server accepts client certificates only from: ${accepted.join('; ')}.`,
    'use a certificate issued by one of those CAs.',
  );
}

/** Whether the server speaks TLS as the profile expects, and whether it accepts this client's certificate and names. */
export async function checkTls(profile: Profile): Promise<CheckResult[]> {
  const { host, port } = hostAndPort(profile.address);
  const anyTls = await probeTls({ host, port, acceptAnyServerCert: true, serverName: profile.tls?.serverName });
  if (!profile.tls) {
    if (!speaksTls(anyTls)) return [pass('tls', 'plaintext', 'the server speaks plaintext, as the profile does')];
    const error = new ServerSpeaksTlsError(profile.address, { variable: 'TEMPORAL_TLS', source: 'the profile' });
    return [fail('tls', 'TLS mismatch', error.problem, error.fix)];
  }
  const asksForCertificate = anyTls.kind === 'error' && /CERTIFICATE_REQUIRED/.test(anyTls.code);
  const caCheck =
    asksForCertificate && profile.tls.clientCert ? await checkAcceptableCa(host, port, profile) : undefined;
  if (caCheck && !caCheck.ok) return [caCheck];
  const outcome = await probeWithProfile(profile);
  if (outcome.kind === 'accepted') {
    const peer = outcome.peer;
    const certificate = peer
      ? `server certificate ${peer.subject} (names ${peer.names.join(', ')}; issued by ${peer.issuer}; valid to ${peer.validTo})`
      : 'server certificate';
    return [
      ...(caCheck ? [caCheck] : []),
      pass('tls', 'handshake', `${certificate} is trusted and valid for ${profile.tls.serverName ?? host}`),
      pass(
        'tls',
        'client certificate',
        asksForCertificate
          ? 'the server asks for one, and accepts this one'
          : profile.tls.clientCert
            ? 'sent; the server does not require one'
            : 'none needed: the server does not ask for one',
      ),
    ];
  }
  const explained = explainTlsOutcome(profile, outcome);
  if (explained) return [fail('tls', explained.kind, explained.problem, explained.fix)];
  return [
    fail(
      'tls',
      'handshake',
      `the TLS handshake failed: ${outcome.kind === 'error' ? outcome.message.trim() : outcome.kind}`,
      'check the TLS settings against the server.',
    ),
  ];
}
