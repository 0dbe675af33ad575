import type { EnvLayer } from './env-layers';

/** Settings whose value is a single token; PEM data (`*_DATA`) keeps its own whitespace rules. */
const isTokenSetting = (name: string) => /^(TEMPORAL|PAYLOAD_CODEC)_/.test(name) && !name.endsWith('_DATA');

/**
 * Trims the carriage return or spaces that a `.env` saved with Windows line ends, a pasted value or
 * an environment system leaves around a value, so `samples\r` is the namespace `samples`; each
 * trim is a notice.
 */
export function trimStrayWhitespace(layers: EnvLayer[]): { layers: EnvLayer[]; notices: string[] } {
  const notices: string[] = [];
  const trimmed = layers.map((layer) => {
    const vars = { ...layer.vars };
    for (const [name, value] of Object.entries(vars)) {
      if (!isTokenSetting(name) || value === value.trim()) continue;
      vars[name] = value.trim();
      const what = /[\r\n]/.test(value) ? 'a carriage return or line break' : 'surrounding spaces';
      notices.push(`${name} in ${layer.source} had ${what} around its value; it was trimmed.`);
    }
    return { ...layer, vars };
  });
  return { layers: trimmed, notices };
}
