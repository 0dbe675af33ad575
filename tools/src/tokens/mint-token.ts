import { sign } from 'node:crypto';
import type { SigningKey } from './signing-key';

export const ROLES = ['read', 'write', 'worker', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface TokenRequest {
  namespace: string;
  role: Role;
  ttlSeconds: number;
  subject?: string;
  /** `aud` and `iss`, for verifiers that check them (e.g. the codec server's access-token check). */
  audience?: string;
  issuer?: string;
  /** For tests: a token that expired this many seconds ago. */
  now?: Date;
}

/** The server checks `iat` with no leeway: a token stamped a few seconds back survives clock skew. */
const CLOCK_SKEW_SECONDS = 5;

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function permissionsFor(namespace: string, role: Role): string[] {
  return [`${namespace}:${role}`];
}

/**
 * A JWT the server's default claim mapper understands: `permissions` holds `<namespace>:<role>`.
 * Signed ES256 with the key whose `kid` the cluster's JWKS publishes.
 */
export function mintToken(key: SigningKey, request: TokenRequest): string {
  const now = Math.floor((request.now ?? new Date()).getTime() / 1000);
  const issuedAt = now - CLOCK_SKEW_SECONDS;
  const header = base64url({ alg: 'ES256', typ: 'JWT', kid: key.kid });
  const payload = base64url({
    sub: request.subject ?? `${request.role}@${request.namespace}`,
    ...(request.issuer && { iss: request.issuer }),
    ...(request.audience && { aud: request.audience }),
    permissions: permissionsFor(request.namespace, request.role),
    iat: issuedAt,
    exp: now + request.ttlSeconds,
  });
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), {
    key: key.privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  return `${header}.${payload}.${signature.toString('base64url')}`;
}
