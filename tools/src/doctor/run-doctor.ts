import type { LoadProfileOptions } from '@temporal-samples/connection';
import { checkCertificateExpiry } from './certificate-expiry-check';
import type { CheckResult } from './check';
import { checkAddress, checkTls } from './network-checks';
import { checkProfile } from './profile-checks';
import { checkTemporal } from './temporal-checks';

/** Runs the checks in order and stops at the first section that fails: what follows would only guess. */
export async function runDoctor(options: LoadProfileOptions): Promise<CheckResult[]> {
  const { results, profile } = await checkProfile(options);
  if (!profile || results.some((result) => !result.ok)) return results;
  results.push(...checkCertificateExpiry(options, profile));
  if (results.some((result) => !result.ok)) return results;
  for (const section of [checkAddress, checkTls, checkTemporal]) {
    const found = await section(profile);
    results.push(...found);
    if (found.some((result) => !result.ok)) break;
  }
  return results;
}
