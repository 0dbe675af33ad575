import { ErrorWithFix, mergeLayers, readEnvLayers } from '@temporal-samples/connection';

export class StarterSettingError extends ErrorWithFix {}

export interface StarterAddress {
  host: string;
  port: number;
}

/** `STARTER_HOST` (default 127.0.0.1) and `STARTER_PORT` (default 3000), from the app's profile layers. */
export function starterAddress(appDir: string, env: NodeJS.ProcessEnv = process.env): StarterAddress {
  const merged = mergeLayers(readEnvLayers(appDir, env));
  const portText = merged.vars.STARTER_PORT ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new StarterSettingError(
      `STARTER_PORT (from ${merged.sourceOf.STARTER_PORT}) is "${portText}", not a TCP port.`,
      'set e.g. STARTER_PORT=3000',
    );
  }
  return { host: merged.vars.STARTER_HOST ?? '127.0.0.1', port };
}
