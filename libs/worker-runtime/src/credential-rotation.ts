import { loadAppProfile, watchSecretVersions, ErrorWithFix, type AppProfile } from '@temporal-samples/connection';
import { clientCertificateValidity, describeRemaining, expiryWarning } from './certificate-expiry';
import { watchFiles, type FileWatch, type WatchFilesOptions } from './watch-files';

/** What rotation does to a live connection: the worker's and the starter's differ. */
export interface RotationTarget {
  /** Opens a connection with the profile's new TLS material, puts it in use, and closes the old one. */
  replaceConnection(profile: AppProfile): Promise<void>;
  setApiKey(apiKey: string): Promise<void>;
}

export interface CredentialRotationOptions extends WatchFilesOptions {
  certExpiryWarningMs: number;
  /** How often secrets the profile names are checked for a new version (SECRETS_POLL_INTERVAL). */
  secretsPollIntervalMs?: number;
  log?: (line: string) => void;
}

export interface CredentialRotation {
  /** The profile whose credentials are in use. */
  current(): AppProfile;
  close(): void;
}

function sameTls(a: AppProfile['tls'], b: AppProfile['tls']): boolean {
  return (
    a?.clientCert === b?.clientCert &&
    a?.clientKey === b?.clientKey &&
    a?.serverCaCert === b?.serverCaCert &&
    a?.serverName === b?.serverName
  );
}

function describeCause(error: unknown): string {
  if (error instanceof ErrorWithFix) return `${error.problem} Fix: ${error.fix}`;
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

function stillValid(profile: AppProfile): string {
  const validity = clientCertificateValidity(profile);
  if (!validity) return 'the current connection and its credentials stay in use';
  return (
    `the current connection stays in use; its client certificate (${validity.subject}) is valid until ` +
    `${validity.validTo.toISOString()}, ${describeRemaining(validity.remainingMs)} from now`
  );
}

/** The files a profile's credentials come from: client certificate, key, server CA and API key file. */
export function credentialFiles(profile: AppProfile): string[] {
  return [...(profile.tls?.files ?? []), ...(profile.apiKeyFile ? [profile.apiKeyFile] : [])];
}

const DEFAULT_SECRETS_POLL_MS = 60_000;

/**
 * Watches the profile's credential files, and polls the secrets it names for new versions. A change reloads the app's profile, which checks the new
 * material as at start (it parses, the key matches the certificate, the certificate is inside its
 * validity); valid TLS material gets a new connection, a new API key goes to the live connection.
 * Invalid material is refused and logged, and the current connection stays.
 */
export function watchCredentials(
  appDir: string,
  initial: AppProfile,
  target: RotationTarget,
  options: CredentialRotationOptions,
): CredentialRotation | undefined {
  const log = options.log ?? ((line: string) => console.log(line));
  const files = credentialFiles(initial);
  let current = initial;
  const warnIfExpiring = (profile: AppProfile) => {
    const warning = expiryWarning(profile, options.certExpiryWarningMs);
    if (warning) log(warning);
  };
  warnIfExpiring(initial);
  const daily = setInterval(() => warnIfExpiring(current), 86_400_000).unref();
  if (files.length === 0 && !initial.secrets) return { current: () => current, close: () => clearInterval(daily) };

  const rotate = async (changed: string[]) => {
    const seen = Date.now();
    const refused = (cause: string) =>
      log(`✗ Refused the new credentials in ${changed.join(', ')}: ${cause} Meanwhile ${stillValid(current)}.`);
    let next: AppProfile;
    try {
      next = await loadAppProfile(appDir, { onNotice: () => undefined });
    } catch (error) {
      refused(describeCause(error));
      return;
    }
    try {
      if (!sameTls(current.tls, next.tls)) {
        await target.replaceConnection(next);
        const validity = clientCertificateValidity(next);
        const what = validity
          ? `client certificate ${validity.subject}, valid until ${validity.validTo.toISOString()}`
          : 'new server CA';
        log(
          `Credentials rotated: a new connection is in use (${what}), ${Date.now() - seen} ms after the change was seen.`,
        );
      } else if (next.apiKey && next.apiKey !== current.apiKey) {
        await target.setApiKey(next.apiKey);
        log(
          `API key rotated: the connection sends the key from ${next.apiKeyFile ?? changed.join(', ')}, ${Date.now() - seen} ms after the change was seen.`,
        );
      }
      current = next;
      warnIfExpiring(next);
    } catch (error) {
      log(
        `✗ Refused the new credentials: the server did not accept them: ${describeCause(error)} Meanwhile ${stillValid(current)}.`,
      );
    }
  };
  let queue = Promise.resolve();
  const onChange = (changed: string[]) => (queue = queue.then(() => rotate(changed)));
  const watch: FileWatch | undefined = files.length > 0 ? watchFiles(files, onChange, options) : undefined;
  if (watch) log(`Watching ${files.length} credential file(s) for rotation: ${files.join(', ')}`);
  const secrets = initial.secrets;
  const pollMs = options.secretsPollIntervalMs ?? DEFAULT_SECRETS_POLL_MS;
  const versions = secrets && watchSecretVersions(secrets, pollMs, onChange, log);
  if (secrets) {
    const ids = [...new Set(Object.values(secrets.bySetting).map((secret) => secret.secretId))];
    log(
      `Checking ${ids.length} ${secrets.store.name} secret(s) for new versions every ${pollMs / 1000} s: ${ids.join(', ')}`,
    );
  }
  return {
    current: () => current,
    close() {
      watch?.close();
      versions?.close();
      clearInterval(daily);
    },
  };
}
