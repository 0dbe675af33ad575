import type { ConfigDataSource } from '@temporalio/envconfig';
import type { MergedEnv } from './env-layers';
import { ConflictingSettingsError } from '../errors/profile-errors';
import { PEM_SETTINGS } from './settings';

export interface EnvPemSource {
  variable: string;
  source: ConfigDataSource;
}

/**
 * The certificate or key an env layer gives for one field. A `_PATH` and a `_DATA` in different
 * layers: the higher layer wins. Both in the same layer: ambiguous, refused.
 */
export function envPemSource(merged: MergedEnv, prefix: string): EnvPemSource | undefined {
  const path = `${prefix}_PATH`;
  const data = `${prefix}_DATA`;
  const hasPath = merged.vars[path] !== undefined;
  const hasData = merged.vars[data] !== undefined;
  if (hasPath && hasData && merged.rankOf[path] === merged.rankOf[data]) {
    throw new ConflictingSettingsError(
      { variable: path, source: merged.sourceOf[path] },
      { variable: data, source: merged.sourceOf[data] },
    );
  }
  const usePath = hasPath && (!hasData || merged.rankOf[path] < merged.rankOf[data]);
  if (usePath) return { variable: path, source: { path: merged.vars[path] } };
  if (hasData) return { variable: data, source: { data: merged.vars[data] } };
  return undefined;
}

/** What envconfig gets: everything but the PEM settings, which are resolved by layer here. */
export function withoutEnvPemSettings(vars: Record<string, string>): Record<string, string> {
  const kept = { ...vars };
  for (const { prefix } of PEM_SETTINGS) {
    delete kept[`${prefix}_PATH`];
    delete kept[`${prefix}_DATA`];
  }
  delete kept.TEMPORAL_TLS_DISABLE_HOST_VERIFICATION;
  return kept;
}
