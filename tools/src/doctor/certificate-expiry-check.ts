import {
  ErrorWithFix,
  mergeLayers,
  readEnvLayers,
  type LoadProfileOptions,
  type Profile,
} from '@temporal-samples/connection';
import {
  CERT_EXPIRY_WARNING,
  certExpiryWarningMs,
  clientCertificateValidity,
  describeRemaining,
} from '@temporal-samples/worker-runtime';
import { fail, pass, warn, type CheckResult } from './check';

const NAME = 'client certificate expiry';

/** Where the client certificate came from: its file and variable, or the variable holding the PEM. */
function certificateSource(profile: Profile): string {
  const entry = profile.entries.find((candidate) => candidate.variable.startsWith('TEMPORAL_TLS_CLIENT_CERT'));
  if (!entry) return 'the client certificate';
  return entry.variable.endsWith('_PATH')
    ? `the client certificate in ${entry.value} (${entry.variable})`
    : `the client certificate in ${entry.variable}`;
}

/** Warns when the client certificate expires within TEMPORAL_TLS_CERT_EXPIRY_WARNING (default 7d), as the worker does. */
export function checkCertificateExpiry(options: LoadProfileOptions, profile: Profile, now = Date.now()): CheckResult[] {
  const validity = clientCertificateValidity(profile, now);
  if (!validity) return [];
  let windowMs: number;
  try {
    windowMs = certExpiryWarningMs(
      mergeLayers(readEnvLayers(options.envDir, options.env ?? process.env, options.envFile)),
    );
  } catch (error) {
    if (!(error instanceof ErrorWithFix)) throw error;
    return [fail('profile', CERT_EXPIRY_WARNING, error.problem, error.fix)];
  }
  const found = `${certificateSource(profile)} expires at ${validity.validTo.toISOString()}, in ${describeRemaining(validity.remainingMs)}`;
  if (validity.remainingMs > windowMs) return [pass('profile', NAME, found)];
  return [
    warn(
      'profile',
      NAME,
      `${found}: within ${CERT_EXPIRY_WARNING} (${describeRemaining(windowMs)}).`,
      'renew it and replace its files; a running worker picks them up without a restart (docs/operations.md).',
    ),
  ];
}
