import { AccessTokenError } from './access-token-error';
import { jwksKeys } from './jwks-keys';
import { verifyJwt, type JwtClaims } from './verify-jwt';

export interface AccessTokenOptions {
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** The claim listing `<namespace>:<role>` grants, as the Temporal server's default claim mapper reads it. */
  permissionsClaim: string;
}

/** A valid token that grants no role on the namespace asked for. */
export class NamespaceDeniedError extends Error {
  constructor(
    readonly subject: string,
    readonly namespace: string,
  ) {
    super(`the access token of "${subject}" grants no role on namespace "${namespace}"`);
  }
}

/** Namespaces the claim grants a role on; `system:<role>` (a cluster-wide role) grants every namespace. */
function grants(claims: JwtClaims, claim: string, namespace: string): boolean {
  const permissions = Array.isArray(claims[claim]) ? (claims[claim] as unknown[]) : [];
  return permissions.some((permission) => {
    const separator = typeof permission === 'string' ? permission.lastIndexOf(':') : -1;
    const granted = separator > 0 ? (permission as string).slice(0, separator) : undefined;
    return granted === namespace || granted === 'system';
  });
}

/**
 * Checks the user's access token the Web UI forwards: signed by a key of the JWKS, for this
 * audience, from this issuer, unexpired, and granting a role on the namespace.
 */
export function namespaceAccess(options: AccessTokenOptions) {
  const keyFor = jwksKeys({ url: options.jwksUrl });
  return async function allow(token: string, namespace: string): Promise<void> {
    const claims = await verifyJwt(token, keyFor, options);
    if (!grants(claims, options.permissionsClaim, namespace))
      throw new NamespaceDeniedError(claims.sub ?? 'unknown subject', namespace);
  };
}

export type NamespaceAccess = ReturnType<typeof namespaceAccess>;
export { AccessTokenError };
