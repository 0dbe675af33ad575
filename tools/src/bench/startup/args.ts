import { defineCommand } from '../../cli/command';

export const STARTUP_COMMAND = defineCommand({
  usage: 'npm run bench:startup --',
  summary:
    "Times an app's worker from process start to polling (with metrics and JSON logs off, then on) and its client's round trip, on a local server.",
  options: {
    app: { type: 'string', value: '<app>', default: 'plain', description: 'the app under apps/' },
    runs: { type: 'string', value: '<n>', default: '5', description: 'runs to take the median of' },
  },
});
