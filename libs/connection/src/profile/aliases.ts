import type { EnvLayer } from './env-layers';

/** Names taught by older Temporal docs and samples, mapped to the standard envconfig names. */
export const LEGACY_ALIASES: Readonly<Record<string, string>> = {
  TEMPORAL_CLIENT_CERT_PATH: 'TEMPORAL_TLS_CLIENT_CERT_PATH',
  TEMPORAL_CLIENT_KEY_PATH: 'TEMPORAL_TLS_CLIENT_KEY_PATH',
  TEMPORAL_SERVER_ROOT_CA_CERT_PATH: 'TEMPORAL_TLS_SERVER_CA_CERT_PATH',
  TEMPORAL_SERVER_NAME_OVERRIDE: 'TEMPORAL_TLS_SERVER_NAME',
  TEMPORAL_CLIENT_API_KEY: 'TEMPORAL_API_KEY',
};

export interface AliasResult {
  layers: EnvLayer[];
  notices: string[];
}

/** Renames legacy names to standard ones within each layer; a standard name in the same layer wins. */
export function applyLegacyAliases(layers: EnvLayer[]): AliasResult {
  const notices: string[] = [];
  const renamed = layers.map((layer) => {
    const vars = { ...layer.vars };
    const renamedFrom: Record<string, string> = {};
    for (const [legacy, standard] of Object.entries(LEGACY_ALIASES)) {
      if (vars[legacy] === undefined) continue;
      if (vars[standard] !== undefined) {
        notices.push(`${legacy} in ${layer.source} is ignored: ${standard} is set there too and wins.`);
      } else {
        vars[standard] = vars[legacy];
        renamedFrom[standard] = legacy;
        notices.push(`${legacy} in ${layer.source} is an older name; rename it to ${standard}.`);
      }
      delete vars[legacy];
    }
    return { ...layer, vars, renamedFrom };
  });
  return { layers: renamed, notices };
}
