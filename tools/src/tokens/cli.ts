import { CLOUD_LIKE } from '../cluster/cloud-like';
import { runCommand } from '../cli/command';
import { UsageError } from '../cli/errors';
import { parseDuration } from '../cli/duration';
import { setEnvFileValue } from './env-file';
import { mintToken, ROLES, type Role } from './mint-token';
import { loadOrCreateSigningKey } from './signing-key';

/**
 * Mints a bearer token for the local cloud-like cluster: what a Temporal Cloud API key stands in
 * for here. With --write-env it goes into that env file as TEMPORAL_API_KEY instead of stdout.
 */
runCommand(
  {
    usage: 'npx nx run tools:token --',
    summary:
      'Mints an ES256 bearer token (JWT) that the local cloud-like cluster accepts as an API key. ' +
      'It is printed on stdout, or written to an env file as TEMPORAL_API_KEY with --write-env.',
    options: {
      namespace: { type: 'string', value: '<namespace>', description: 'the namespace the token grants a role on' },
      role: { type: 'string', value: `<${ROLES.join('|')}>`, description: 'the role on that namespace' },
      ttl: { type: 'string', value: '<duration>', default: '1h', description: 'lifetime: 90s, 15m, 2h or 7d' },
      'write-env': { type: 'string', value: '<file>', description: 'write TEMPORAL_API_KEY into this env file (0600)' },
      'certs-dir': {
        type: 'string',
        value: '<dir>',
        default: CLOUD_LIKE.certsDir,
        description: 'where the signing key lives',
      },
    },
    examples: [
      'npx nx run tools:token -- --namespace sample.local01 --role write --write-env apps/cloud-mtls/.env.local',
    ],
  },
  async (values) => {
    if (!values.namespace) throw new UsageError('--namespace is missing.', 'give e.g. --namespace sample.local01');
    if (!ROLES.includes(values.role as Role)) {
      throw new UsageError(
        `--role is "${values.role ?? ''}", not one of ${ROLES.join(', ')}.`,
        'give e.g. --role write',
      );
    }
    const ttlSeconds = parseDuration(values.ttl);
    if (!ttlSeconds) {
      throw new UsageError(`--ttl is "${values.ttl}", not a duration.`, 'give e.g. --ttl 90s, 15m, 2h or 7d');
    }
    const key = loadOrCreateSigningKey(values['certs-dir']);
    const token = mintToken(key, { namespace: values.namespace, role: values.role as Role, ttlSeconds });
    const expires = new Date(Date.now() + ttlSeconds * 1000).toISOString();
    const envFile = values['write-env'];
    if (!envFile) {
      process.stdout.write(`${token}\n`);
      return;
    }
    setEnvFileValue(envFile, 'TEMPORAL_API_KEY', token);
    console.log(
      `Wrote TEMPORAL_API_KEY to ${envFile}: role ${values.role} on namespace "${values.namespace}", expires ${expires}.`,
    );
  },
);
