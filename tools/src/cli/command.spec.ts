import { defineCommand, formatHelp, parseCommand } from './command';
import { UsageError } from './errors';

const SPEC = defineCommand({
  usage: 'npx nx run tools:namespace --',
  summary: 'Registers a namespace.',
  options: {
    namespace: { type: 'string', value: '<namespace>', aliases: ['name'], description: 'the namespace' },
    retention: { type: 'string', value: '<duration>', default: '24h', description: 'how long to keep' },
    client: { type: 'string', multiple: true, description: 'a client' },
    json: { type: 'boolean', description: 'JSON output' },
  },
  examples: ['npx nx run tools:namespace -- --namespace a'],
});

describe('the tools command layer', () => {
  it('reads options, applies defaults and folds an old name into its option', () => {
    expect(parseCommand(SPEC, ['--name', 'team-a', '--client', 'x', '--client', 'y', '--json'])).toEqual({
      help: false,
      values: { namespace: 'team-a', retention: '24h', client: ['x', 'y'], json: true },
      positionals: [],
    });
  });

  it('answers --help and -h', () => {
    expect(parseCommand(SPEC, ['--help'])).toEqual({ help: true });
    expect(parseCommand(SPEC, ['--namespace', 'a', '-h'])).toEqual({ help: true });
  });

  it('writes a usage text with every option, its default and its old name', () => {
    const help = formatHelp(SPEC);
    expect(help.split('\n')[0]).toBe('Usage: npx nx run tools:namespace -- [options]');
    expect(help).toMatch(/--namespace <namespace>\s+the namespace \(also --name\)/);
    expect(help).toMatch(/--retention <duration>\s+how long to keep \(default 24h\)/);
    expect(help).toMatch(/-h, --help\s+show this help/);
    expect(help).toContain('Examples:\n  npx nx run tools:namespace -- --namespace a');
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--namespace'], /--namespace/],
    [['stray'], /Unexpected argument "stray"/],
    [['--namespace', 'a', '--name', 'b'], /--namespace and --name are the same option/],
  ])('refuses %j with a UsageError that names it and points at --help', (args, problem) => {
    expect.assertions(3);
    try {
      parseCommand(SPEC, args);
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).problem).toMatch(problem);
      expect((error as UsageError).fix).toBe('see `npx nx run tools:namespace -- --help`.');
    }
  });
});
