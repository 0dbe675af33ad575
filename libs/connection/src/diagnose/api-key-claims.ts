/** What a JWT-shaped API key says about itself, read without verifying it (the server verifies). */
export interface ApiKeyClaims {
  exp?: number;
  permissions?: string[];
}

const WRITE_ROLES = new Set(['write', 'admin']);

export function apiKeyClaims(apiKey: string): ApiKeyClaims | undefined {
  const parts = apiKey.split('.');
  if (parts.length !== 3) return undefined;
  try {
    return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as ApiKeyClaims;
  } catch {
    return undefined;
  }
}

/** The roles the claims grant on one namespace (`<namespace>:<role>` permissions). */
export function rolesOn(claims: ApiKeyClaims, namespace: string): string[] {
  return (claims.permissions ?? [])
    .map((permission) => permission.split(':'))
    .filter(([granted]) => granted === namespace)
    .map(([, role]) => role);
}

export const canWrite = (roles: string[]) => roles.some((role) => WRITE_ROLES.has(role));
