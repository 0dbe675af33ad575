import { ErrorWithFix } from '../errors/error-with-fix';
import type { ProfileSecrets, ReadSecret } from './read-secrets';

export interface SecretVersionWatch {
  close(): void;
}

const labelOf = (secret: ReadSecret) => `${secret.store} secret "${secret.secretId}"`;

const describe = (error: unknown) =>
  error instanceof ErrorWithFix ? `${error.problem} Fix: ${error.fix}` : (error as Error).message;

/**
 * Asks the store for each secret's current version every `intervalMs` and calls onChange with the
 * secrets that have a new one. A failed check is logged once until a check succeeds again; the
 * credentials in use stay.
 */
export function watchSecretVersions(
  secrets: ProfileSecrets,
  intervalMs: number,
  onChange: (changed: string[]) => void,
  log: (line: string) => void,
): SecretVersionWatch {
  const byId = new Map(Object.values(secrets.bySetting).map((secret) => [secret.secretId, secret]));
  const seen = new Map([...byId].map(([id, secret]) => [id, secret.versionId]));
  const failing = new Set<string>();
  let checking = false;
  const check = async (id: string, secret: ReadSecret): Promise<string[]> => {
    try {
      const { versionId } = await secrets.store.read(secret);
      if (failing.delete(id)) log(`${labelOf(secret)} answers again.`);
      if (versionId === seen.get(id)) return [];
      seen.set(id, versionId);
      return [labelOf(secret)];
    } catch (error) {
      if (!failing.has(id)) log(`✗ Could not check ${labelOf(secret)} for a new version: ${describe(error)}`);
      failing.add(id);
      return [];
    }
  };
  const poll = async () => {
    if (checking) return;
    checking = true;
    try {
      const changed = (await Promise.all([...byId].map(([id, secret]) => check(id, secret)))).flat();
      if (changed.length > 0) onChange(changed);
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void poll(), intervalMs).unref();
  return { close: () => clearInterval(timer) };
}
