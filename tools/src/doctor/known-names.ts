import { LEGACY_ALIASES } from '@temporal-samples/connection';

/** Every TEMPORAL_* name something in this project reads; others are likely typos. */
export const KNOWN_TEMPORAL_NAMES = new Set([
  'TEMPORAL_ADDRESS',
  'TEMPORAL_NAMESPACE',
  'TEMPORAL_API_KEY',
  'TEMPORAL_TLS',
  'TEMPORAL_TLS_CLIENT_CERT_PATH',
  'TEMPORAL_TLS_CLIENT_CERT_DATA',
  'TEMPORAL_TLS_CLIENT_KEY_PATH',
  'TEMPORAL_TLS_CLIENT_KEY_DATA',
  'TEMPORAL_TLS_SERVER_CA_CERT_PATH',
  'TEMPORAL_TLS_SERVER_CA_CERT_DATA',
  'TEMPORAL_TLS_SERVER_NAME',
  'TEMPORAL_TLS_DISABLE_HOST_VERIFICATION',
  'TEMPORAL_PROFILE',
  'TEMPORAL_CONFIG_FILE',
  'TEMPORAL_CODEC_ENDPOINT',
  'TEMPORAL_CODEC_AUTH',
  'TEMPORAL_TASK_QUEUE',
  ...Object.keys(LEGACY_ALIASES),
  'TEMPORAL_SERVER_BIN',
  'TEMPORAL_CLI_BIN',
]);

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** The known name closest to a misspelt one. */
export function closestKnownName(name: string): string {
  return [...KNOWN_TEMPORAL_NAMES].reduce((best, candidate) =>
    distance(name, candidate) < distance(name, best) ? candidate : best,
  );
}

export const isKnownName = (name: string) => KNOWN_TEMPORAL_NAMES.has(name) || name.startsWith('TEMPORAL_GRPC_META_');
