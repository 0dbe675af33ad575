import { defineCommand } from '../cli/command';

export const NAMESPACE_COMMAND = defineCommand({
  usage: 'npx nx run tools:namespace --',
  summary:
    "Registers a namespace on the Temporal server of a profile (the app's .env with --env-dir, " +
    'else TEMPORAL_ADDRESS, default localhost:7233); says whether it created it or found it.',
  options: {
    namespace: { type: 'string', value: '<namespace>', aliases: ['name'], description: 'the namespace' },
    retention: {
      type: 'string',
      value: '<duration>',
      default: '24h',
      description: 'how long closed workflows are kept: 72h, 3d',
    },
    'env-dir': { type: 'string', value: '<app folder>', description: "connect with this app's profile" },
  },
  examples: ['npx nx run tools:namespace -- --namespace team-a --retention 72h'],
});
