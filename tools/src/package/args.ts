import { defineCommand } from '../cli/command';

export const PACKAGE_COMMAND = defineCommand({
  usage: 'npx nx run <app>:package --',
  summary:
    "Writes an app's production folder (default <app-dir>/dist/package): its built JavaScript and workflow " +
    'bundle, the workspace libraries it loads as built JavaScript, a package.json with the exact versions the ' +
    "workspace runs and a package-lock.json cut from the workspace's own. Install it with `npm ci --omit=dev` " +
    'in that folder, then `node dist/worker.js`. Through Nx, the app is built first.',
  options: {
    'app-dir': { type: 'string', value: '<dir>', description: "the app's folder, e.g. apps/local-mtls" },
    out: { type: 'string', value: '<dir>', description: 'where to write the folder (it is replaced)' },
  },
});
