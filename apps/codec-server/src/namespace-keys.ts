import {
  CODEC_KEY_FILE,
  CODEC_KEYS,
  MissingSettingError,
  resolveCodecSettings,
  type CodecSettings,
  type MergedEnv,
} from '@temporal-samples/connection';
import { CodecServerSettingError } from './setting-error';

const KEY_VARIABLES = [CODEC_KEYS, CODEC_KEY_FILE];

/** `sample.local01` -> `SAMPLE_LOCAL01`: the suffix of that namespace's own key variables. */
export const namespaceSuffix = (namespace: string) => namespace.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/**
 * The profile as one namespace sees it: its own `PAYLOAD_CODEC_KEYS_<NAMESPACE>` (or
 * `PAYLOAD_CODEC_KEY_FILE_<NAMESPACE>`) stands in for the shared variables when set.
 */
function viewFor(merged: MergedEnv, suffix: string): MergedEnv {
  const own = KEY_VARIABLES.map((name) => `${name}_${suffix}`);
  if (own.every((name) => merged.vars[name] === undefined)) return merged;
  const view: MergedEnv = {
    ...merged,
    vars: { ...merged.vars },
    sourceOf: { ...merged.sourceOf },
    rankOf: { ...merged.rankOf },
  };
  KEY_VARIABLES.forEach((name, index) => {
    const ownName = own[index];
    delete view.vars[name];
    if (merged.vars[ownName] === undefined) return;
    view.vars[name] = merged.vars[ownName];
    view.sourceOf[name] = `${merged.sourceOf[ownName]}, given as ${ownName}`;
    view.rankOf[name] = merged.rankOf[ownName];
  });
  return view;
}

/** Each namespace's keys: its own variables when set, else the shared `PAYLOAD_CODEC_KEYS`. */
export function resolveNamespaceKeys(
  merged: MergedEnv,
  namespaces: string[],
  appDir: string,
): Map<string, CodecSettings> {
  const bySuffix = new Map<string, string>();
  const settings = new Map<string, CodecSettings>();
  for (const namespace of namespaces) {
    const suffix = namespaceSuffix(namespace);
    const clash = bySuffix.get(suffix);
    if (clash !== undefined) {
      throw new CodecServerSettingError(
        `Namespaces "${clash}" and "${namespace}" would both read ${CODEC_KEYS}_${suffix}.`,
        'serve them from two codec servers, or give both the shared PAYLOAD_CODEC_KEYS.',
      );
    }
    bySuffix.set(suffix, namespace);
    const codec = resolveCodecSettings(viewFor(merged, suffix), appDir);
    if (!codec)
      throw new MissingSettingError(
        `${CODEC_KEYS}_${suffix} or ${CODEC_KEYS}`,
        merged.sources,
        'v1=<32 random bytes in base64>',
        '.env.local',
      );
    settings.set(namespace, codec);
  }
  return settings;
}
