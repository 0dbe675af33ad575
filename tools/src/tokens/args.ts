import { defineCommand } from '../cli/command';
import { CLOUD_LIKE } from '../cluster/cloud-like';
import { ROLES } from './mint-token';

export const TOKEN_COMMAND = defineCommand({
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
});
