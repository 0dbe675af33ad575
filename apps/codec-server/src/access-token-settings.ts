import type { AccessTokenOptions } from '@temporal-samples/codec';
import type { MergedEnv } from '@temporal-samples/connection';
import { CodecServerSettingError } from './setting-error';

export const JWKS_URL = 'CODEC_SERVER_JWKS_URL';
export const JWT_ISSUER = 'CODEC_SERVER_JWT_ISSUER';
export const JWT_AUDIENCE = 'CODEC_SERVER_JWT_AUDIENCE';
export const JWT_PERMISSIONS_CLAIM = 'CODEC_SERVER_JWT_PERMISSIONS_CLAIM';

/** The check of users' access tokens (JWTs the Web UI forwards), on when CODEC_SERVER_JWKS_URL is set. */
export function readAccessTokenSettings(merged: MergedEnv): AccessTokenOptions | undefined {
  const { vars } = merged;
  const jwksUrl = vars[JWKS_URL];
  if (jwksUrl === undefined) {
    const stray = [JWT_ISSUER, JWT_AUDIENCE].find((name) => vars[name] !== undefined);
    if (stray)
      throw new CodecServerSettingError(
        `${stray} (from ${merged.sourceOf[stray]}) is set, but ${JWKS_URL} is not.`,
        `set ${JWKS_URL} to the JWKS of the identity provider that signs your users' tokens, or remove ${stray}.`,
      );
    return undefined;
  }
  let protocol = '';
  try {
    protocol = new URL(jwksUrl).protocol;
  } catch {
    // reported below
  }
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new CodecServerSettingError(
      `${JWKS_URL} (from ${merged.sourceOf[JWKS_URL]}) is "${jwksUrl}", not an http(s) URL.`,
      `set e.g. ${JWKS_URL}=https://login.example.com/.well-known/jwks.json`,
    );
  }
  const missing = [JWT_ISSUER, JWT_AUDIENCE].filter((name) => !vars[name]);
  if (missing.length > 0) {
    throw new CodecServerSettingError(
      `${JWKS_URL} is set, but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not: tokens would be accepted from any issuer or for any audience.`,
      `set ${missing.map((name) => `${name}=<the "${name === JWT_ISSUER ? 'iss' : 'aud'}" your tokens carry>`).join(' and ')}.`,
    );
  }
  return {
    jwksUrl,
    issuer: vars[JWT_ISSUER],
    audience: vars[JWT_AUDIENCE],
    permissionsClaim: vars[JWT_PERMISSIONS_CLAIM] || 'permissions',
  };
}
