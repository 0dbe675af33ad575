import { defineCommand } from '../cli/command';

export const DEMO_COMMAND = defineCommand({
  usage: 'npm run demo --',
  summary:
    'Starts a real local Temporal cluster for an app (mutual TLS for local-mtls), runs its worker and client ' +
    'starter, prints the result and stops everything.',
  options: { app: { type: 'string', value: '<app>', default: 'local-mtls', description: 'the app under apps/' } },
});
