import type { SettingOrigin } from '../errors/error-with-fix';
import { SecretConflictError } from '../errors/secret-errors';
import type { MergedEnv } from '../profile/env-layers';
import { PEM_SETTINGS, SECRET_SUFFIX } from '../profile/settings';
import { parseSecretReference, type SecretReference } from './secret-reference';

/** A credential setting that can name a secret, and the settings that give the same credential another way. */
interface CredentialSecret {
  variable: string;
  alternatives: string[];
}

export const API_KEY_SECRET = `TEMPORAL_API_KEY${SECRET_SUFFIX}`;
export const CODEC_KEYS_SECRET = `PAYLOAD_CODEC_KEYS${SECRET_SUFFIX}`;

export const CREDENTIAL_SECRETS: readonly CredentialSecret[] = [
  ...PEM_SETTINGS.map(({ prefix }) => ({
    variable: `${prefix}${SECRET_SUFFIX}`,
    alternatives: [`${prefix}_PATH`, `${prefix}_DATA`],
  })),
  { variable: API_KEY_SECRET, alternatives: ['TEMPORAL_API_KEY', 'TEMPORAL_API_KEY_FILE'] },
  { variable: CODEC_KEYS_SECRET, alternatives: ['PAYLOAD_CODEC_KEYS', 'PAYLOAD_CODEC_KEY_FILE'] },
];

export interface NamedSecret {
  origin: SettingOrigin;
  reference: SecretReference;
}

/** The secrets the profile names; a credential also given as a file or inline value is refused. */
export function namedSecrets(merged: MergedEnv, store: string): NamedSecret[] {
  return CREDENTIAL_SECRETS.flatMap(({ variable, alternatives }) => {
    const text = merged.vars[variable];
    if (!text) return [];
    const origin = { variable, source: merged.sourceOf[variable] };
    const reference = parseSecretReference(text);
    const other = alternatives.find((name) => merged.vars[name] !== undefined);
    if (other) {
      throw new SecretConflictError(
        { origin, store, secretId: reference.secretId },
        { variable: other, source: merged.sourceOf[other] },
      );
    }
    return [{ origin, reference }];
  });
}
