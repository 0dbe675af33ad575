import { AddressPortError, AddressSchemeError } from '../errors/profile-errors';
import type { SettingOrigin } from '../errors/error-with-fix';
import { hasUrlScheme, parseAddress } from './address';

/** A Temporal gRPC address is `host:port`: no scheme, no path, a port in range. */
export function validateAddress(address: string, origin: SettingOrigin): void {
  if (hasUrlScheme(address)) throw new AddressSchemeError(origin, address);
  if (!parseAddress(address)) throw new AddressPortError(origin, address);
}
