import { defineCommand } from '../cli/command';

export const BUNDLE_COMMAND = defineCommand({
  usage: 'node tools/dist/bundle/cli.js',
  summary: "Bundles an app's workflows with the SDK's bundler (the `bundle` target runs it at build time).",
  options: {
    workflows: { type: 'string', value: '<file>', description: 'the compiled workflows module' },
    out: { type: 'string', value: '<file>', description: 'where to write the bundle' },
  },
});
