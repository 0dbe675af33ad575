import type { AppProfile } from '@temporal-samples/connection';

const PRIVATE_KEY_BLOCK = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----/g;
const REDACTED = '<redacted>';
/** Shorter values would redact ordinary words; no real key, token or PEM line is this short. */
const MIN_SECRET_LENGTH = 8;

/** The credential material of a profile as it could appear in text: whole values and each PEM body line. */
export function profileSecrets(profile: AppProfile): string[] {
  const pemLines = (pem: string | undefined) =>
    (pem ?? '').split(/\r?\n/).filter((line) => line.trim() && !line.startsWith('-----'));
  return [
    profile.apiKey,
    profile.tls?.clientKey,
    ...pemLines(profile.tls?.clientKey),
    ...Object.values(profile.grpcMeta),
    ...[...(profile.codec?.keyring.byId.values() ?? [])].map((entry) => entry.key.toString('base64')),
    ...profile.entries.filter((entry) => entry.secret).map((entry) => entry.value),
  ].filter((value): value is string => typeof value === 'string');
}

/** Replaces private-key PEM blocks and every known secret (raw or JSON-escaped) with `<redacted>`. */
export class Redactor {
  private readonly secrets = new Set<string>();

  constructor(secrets: Iterable<string> = []) {
    this.add(secrets);
  }

  add(secrets: Iterable<string>): void {
    for (const secret of secrets) {
      const value = secret.trim();
      if (value.length < MIN_SECRET_LENGTH) continue;
      this.secrets.add(value);
      this.secrets.add(JSON.stringify(value).slice(1, -1));
    }
  }

  redact(line: string): string {
    let redacted = line.replace(PRIVATE_KEY_BLOCK, REDACTED);
    for (const secret of this.secrets) {
      if (redacted.includes(secret)) redacted = redacted.split(secret).join(REDACTED);
    }
    return redacted;
  }
}
