import { AddressPortError, AddressSchemeError, type SettingOrigin } from './errors';

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const HOST_PORT = /^(\[[0-9a-f:.]+\]|[^:/\s[\]]+):(\d{1,5})$/i;

/** A Temporal gRPC address is `host:port`: no scheme, no path, a port in range. */
export function validateAddress(address: string, origin: SettingOrigin): void {
  if (SCHEME.test(address)) throw new AddressSchemeError(origin, address);
  const match = HOST_PORT.exec(address);
  const port = match ? Number(match[2]) : 0;
  if (!match || port < 1 || port > 65535) throw new AddressPortError(origin, address);
}
