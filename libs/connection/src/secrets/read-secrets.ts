import { SecretFieldError, type SecretSetting } from '../errors/secret-errors';
import type { MergedEnv } from '../profile/env-layers';
import { AwsSecretsManager, awsStoreSettings } from './aws-secrets-manager';
import { formatSecretReference, type SecretReference } from './secret-reference';
import { namedSecrets, type NamedSecret } from './secret-settings';
import type { SecretStore, SecretVersion } from './secret-store';

/** A credential as read from its secret: the value, and which version of which secret it is. */
export interface ReadSecret extends SecretSetting {
  reference: SecretReference;
  versionId: string;
  value: string;
  /** What the profile printer and doctor show: the store, the id and the version, never the value. */
  display: string;
}

/** The secrets a profile read, by setting name, and the store they came from (polled for new versions). */
export interface ProfileSecrets {
  store: SecretStore;
  bySetting: Record<string, ReadSecret>;
}

/** The store for the profile's secrets. AWS Secrets Manager is the one this project ships; docs/secrets.md adds others. */
export function secretStoreFor(merged: MergedEnv): SecretStore {
  return new AwsSecretsManager(awsStoreSettings(merged.vars));
}

function fieldOf(secret: SecretSetting, value: string, field: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new SecretFieldError(secret, field, 'its value is not JSON');
  }
  const fields = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  const found = fields[field];
  if (typeof found === 'string') return found;
  const held = Object.keys(fields);
  const holds = held.length
    ? `it holds the fields ${held.map((name) => `"${name}"`).join(', ')}`
    : 'it holds no fields';
  throw new SecretFieldError(secret, field, found === undefined ? holds : `that field is not a string`);
}

const shortVersion = (versionId: string) => (versionId.length > 12 ? `${versionId.slice(0, 8)}…` : versionId);

export async function readSecret(store: SecretStore, { origin, reference }: NamedSecret): Promise<ReadSecret> {
  const secret = { origin, store: store.name, secretId: reference.secretId };
  const { value, versionId } = await store.read(secret);
  return {
    ...secret,
    reference,
    versionId,
    value: reference.field === undefined ? value : fieldOf(secret, value, reference.field),
    display: `${store.name} secret ${formatSecretReference(reference)} (version ${shortVersion(versionId)})`,
  };
}

/** Reads every secret the profile names, together, each secret once (its fields from one version); undefined when it names none. */
export async function readProfileSecrets(
  merged: MergedEnv,
  store: SecretStore = secretStoreFor(merged),
): Promise<ProfileSecrets | undefined> {
  const named = namedSecrets(merged, store.name);
  if (named.length === 0) return undefined;
  const versions = new Map<string, Promise<SecretVersion>>();
  const once: SecretStore = {
    name: store.name,
    read(secret) {
      const pending = versions.get(secret.secretId) ?? store.read(secret);
      versions.set(secret.secretId, pending);
      return pending;
    },
  };
  const read = await Promise.all(named.map((secret) => readSecret(once, secret)));
  return { store, bySetting: Object.fromEntries(read.map((secret) => [secret.origin.variable, secret])) };
}
