/** Temporal's gRPC address: `host:port`, `[v6]:port`; the port Temporal listens on by default. */
export const DEFAULT_PORT = 7233;

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const HOST_PORT = /^(\[[0-9a-f:.]+\]|[^:/\s[\]]+):(\d{1,5})$/i;

export interface HostAndPort {
  /** Without the brackets of an IPv6 literal. */
  host: string;
  port: number;
}

export const hasUrlScheme = (address: string) => URL_SCHEME.test(address);

/** `host:port` with a port in range, or undefined. */
export function parseAddress(address: string): HostAndPort | undefined {
  const match = HOST_PORT.exec(address);
  const port = match ? Number(match[2]) : 0;
  if (!match || port < 1 || port > 65535) return undefined;
  return { host: match[1].replace(/^\[|\]$/g, ''), port };
}

/** The host and port of an address already validated by the profile (the default port if it has none). */
export function hostAndPort(address: string): HostAndPort {
  const parsed = parseAddress(address);
  if (parsed) return parsed;
  const host = hostPart(address).replace(/^\[|\]$/g, '');
  return { host, port: DEFAULT_PORT };
}

/** The host part of `host`, `host:port`, `[v6]` or `[v6]:port`, brackets kept. */
export function hostPart(address: string): string {
  if (address.startsWith('[')) return address.slice(0, address.indexOf(']') + 1 || undefined);
  return address.split(':')[0];
}

/** `host` -> `host:7233`; an address with a port stays as it is. */
export function withDefaultPort(hostPort: string): string {
  const hasPort = hostPort.startsWith('[') ? /\]:\d+$/.test(hostPort) : /:\d+$/.test(hostPort);
  return hasPort ? hostPort : `${hostPart(hostPort)}:${DEFAULT_PORT}`;
}

/** `https://host:7233/path` -> `host:7233`: what a URL-shaped address should have been. */
export const withoutUrlParts = (address: string) => address.replace(URL_SCHEME, '').replace(/\/.*$/, '');

/** As the SDK reads it: `host` (no port at all) is `host:7233`; anything else stays for validation. */
export function withPortIfNone(address: string): string {
  const noPort = address.startsWith('[') ? address.endsWith(']') : !address.includes(':');
  return noPort && !hasUrlScheme(address) ? `${address}:${DEFAULT_PORT}` : address;
}
