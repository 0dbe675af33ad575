import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'dotenv';
import { EnvDirNotFoundError, EnvFileNotFoundError } from '../errors/profile-errors';

/** One place environment variables come from, highest precedence first in a list of layers. */
export interface EnvLayer {
  source: string;
  vars: Record<string, string>;
  /** Standard name -> the older name it was given under in this layer. */
  renamedFrom?: Record<string, string>;
}

export const PROCESS_ENV_SOURCE = 'process environment';

export function displayPath(path: string): string {
  const fromCwd = relative(process.cwd(), path);
  return fromCwd.startsWith('..') ? path : fromCwd;
}

/** What a named path holds, from one stat. */
function pathKind(path: string): 'missing' | 'folder' | 'file' {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 'missing';
  return stats.isDirectory() ? 'folder' : 'file';
}

function readEnvFile(path: string): EnvLayer | undefined {
  if (!existsSync(path)) return undefined;
  return { source: displayPath(path), vars: parse(readFileSync(path)) };
}

/**
 * The layers of an app's profile, highest precedence first: the process environment, then the
 * app's `.env.local`, then its `.env` (or the one `envFile`). A named folder or file must exist. Files
 * are parsed, never loaded into `process.env`.
 */
export function readEnvLayers(envDir: string | undefined, processEnv: NodeJS.ProcessEnv, envFile?: string): EnvLayer[] {
  const definedProcessVars = Object.fromEntries(
    Object.entries(processEnv).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const named = envFile ?? envDir;
  const kind = named === undefined ? undefined : pathKind(named);
  if (envFile !== undefined && kind !== 'file') {
    throw new EnvFileNotFoundError(displayPath(envFile), kind === 'folder' ? 'is a folder' : 'does not exist');
  }
  if (envFile === undefined && envDir !== undefined && kind !== 'folder') {
    throw new EnvDirNotFoundError(displayPath(envDir), kind === 'file' ? 'is a file' : 'does not exist');
  }
  const files = envFile ? [envFile] : envDir ? [join(envDir, '.env.local'), join(envDir, '.env')] : [];
  const fileLayers = files.map(readEnvFile).filter((layer): layer is EnvLayer => layer !== undefined);
  return [{ source: PROCESS_ENV_SOURCE, vars: definedProcessVars }, ...fileLayers];
}

export interface MergedEnv {
  vars: Record<string, string>;
  sourceOf: Record<string, string>;
  /** Index of the layer each value came from: 0 is the process environment. */
  rankOf: Record<string, number>;
  /** Every layer's source, highest precedence first, for messages that say where we looked. */
  sources: string[];
}

const GRPC_META_PREFIX = 'TEMPORAL_GRPC_META_';

/**
 * A blank `NAME=` means "not set": it also hides the value a lower layer gives, so
 * `TEMPORAL_API_KEY= npx nx run app:client` runs without the key from `.env`. gRPC metadata keeps
 * its blank, which removes the header.
 */
const isBlank = (name: string, value: string) => value === '' && !name.startsWith(GRPC_META_PREFIX);

export function mergeLayers(layers: EnvLayer[]): MergedEnv {
  const merged: MergedEnv = { vars: {}, sourceOf: {}, rankOf: {}, sources: layers.map((layer) => layer.source) };
  for (const [rank, layer] of [...layers.entries()].reverse()) {
    for (const [name, value] of Object.entries(layer.vars)) {
      if (isBlank(name, value)) {
        delete merged.vars[name];
        delete merged.sourceOf[name];
        delete merged.rankOf[name];
        continue;
      }
      merged.vars[name] = value;
      merged.rankOf[name] = rank;
      const legacyName = layer.renamedFrom?.[name];
      merged.sourceOf[name] = legacyName ? `${layer.source}, given as ${legacyName}` : layer.source;
    }
  }
  return merged;
}
