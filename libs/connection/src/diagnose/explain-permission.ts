import { status } from '@grpc/grpc-js';
import { PermissionDeniedError } from '../errors/permission-errors';
import type { Profile } from '../profile/profile';
import { apiKeyClaims, canWrite, rolesOn } from './api-key-claims';

const DENIED_TEXT = /PermissionDenied|does not have permission|Request unauthorized|Unauthenticated/i;

export function isPermissionDenied(error: unknown): boolean {
  for (let current = error; current; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (code === status.PERMISSION_DENIED || code === status.UNAUTHENTICATED) return true;
    if (current instanceof Error && DENIED_TEXT.test(current.message)) return true;
  }
  return false;
}

function tokenFix(profile: Profile, role: string): string {
  return (
    `use an API key that grants "${role}" on ${profile.namespace} ` +
    `(for the local cloud-like cluster: npx nx run tools:token -- --namespace ${profile.namespace} --role ${role} --write-env <app folder>/.env.local).`
  );
}

/**
 * Why the server said no, as far as the client can tell: no key, an expired key, a key for
 * another namespace, or a role too small for the call. Never prints the key.
 */
export function explainPermissionDenied(
  profile: Profile,
  operation: string,
  neededRole = 'write',
): PermissionDeniedError {
  const deny = (reason: string, role = neededRole) =>
    new PermissionDeniedError(profile.namespace, operation, reason, tokenFix(profile, role));
  if (!profile.apiKey) return deny('no API key was sent, and this server authorizes calls by API key (bearer token)');
  const claims = apiKeyClaims(profile.apiKey);
  if (!claims) return deny('it did not accept the API key');
  if (claims.exp !== undefined && claims.exp * 1000 < Date.now()) {
    return deny(`the API key expired at ${new Date(claims.exp * 1000).toISOString()}`);
  }
  const granted = claims.permissions ?? [];
  const here = rolesOn(claims, profile.namespace);
  if (granted.length > 0 && here.length === 0) {
    const elsewhere = [...new Set(granted.map((permission) => permission.split(':')[0]))].join(', ');
    return deny(`the API key grants roles on ${elsewhere} only; namespaces are isolated from each other`);
  }
  if (here.length > 0 && neededRole === 'write' && !canWrite(here)) {
    return deny(`the API key grants only ${here.join(', ')} there, and this call needs write`);
  }
  return deny('it did not accept the API key (is it signed by a key this server trusts, and still valid?)');
}
