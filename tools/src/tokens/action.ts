import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CommandAction } from '../cli/command';
import { UsageError } from '../cli/errors';
import { parseDuration } from '../cli/duration';
import { setEnvFileValue } from './env-file';
import { mintToken, ROLES, type Role } from './mint-token';
import { loadOrCreateSigningKey } from './signing-key';
import type { TOKEN_COMMAND } from './args';

/** --write-env names a file to write, in a folder that exists, before anything is minted. */
function checkEnvFileTarget(file: string): void {
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(
      `--write-env ${file} is a folder.`,
      `name the env file in it, e.g. --write-env ${file}/.env.local`,
    );
  }
  if (!existsSync(dirname(file))) {
    throw new UsageError(`--write-env ${file}: the folder ${dirname(file)} does not exist.`, 'check the path.');
  }
}

/**
 * Mints a bearer token for the local cloud-like cluster: what a Temporal Cloud API key stands in
 * for here. With --write-env it goes into that env file as TEMPORAL_API_KEY instead of stdout.
 */
export const tokenAction: CommandAction<typeof TOKEN_COMMAND> = async (values) => {
  if (!values.namespace) throw new UsageError('--namespace is missing.', 'give e.g. --namespace sample.local01');
  if (!ROLES.includes(values.role as Role)) {
    throw new UsageError(`--role is "${values.role ?? ''}", not one of ${ROLES.join(', ')}.`, 'give e.g. --role write');
  }
  const ttlSeconds = parseDuration(values.ttl);
  if (!ttlSeconds) {
    throw new UsageError(`--ttl is "${values.ttl}", not a duration.`, 'give e.g. --ttl 90s, 15m, 2h or 7d');
  }
  const envFile = values['write-env'];
  if (envFile) checkEnvFileTarget(envFile);
  const key = loadOrCreateSigningKey(values['certs-dir']);
  const token = mintToken(key, { namespace: values.namespace, role: values.role as Role, ttlSeconds });
  const expires = new Date(Date.now() + ttlSeconds * 1000).toISOString();
  if (!envFile) {
    process.stdout.write(`${token}\n`);
    return;
  }
  setEnvFileValue(envFile, 'TEMPORAL_API_KEY', token);
  console.log(
    `Wrote TEMPORAL_API_KEY to ${envFile}: role ${values.role} on namespace "${values.namespace}", expires ${expires}.`,
  );
};
