import { UsageError } from '../cli/errors';
import { parseCommand } from '../cli/command';
import { SERVER_COMMAND, serverArgs } from './args';

const parseServerArgs = (given: string[]) => {
  const command = parseCommand(SERVER_COMMAND, given);
  return command.help ? command : serverArgs(command.values);
};
const args = (...given: string[]) => {
  const parsed = parseServerArgs(given);
  if ('help' in parsed) throw new Error('help');
  return parsed;
};

describe('parseServerArgs', () => {
  it('defaults to a SQLite file, one process and the UI on 8233', () => {
    expect(args('--env-dir', 'apps/plain')).toEqual({
      envDir: 'apps/plain',
      port: undefined,
      cloudLike: false,
      store: 'sqlite',
      postgresUrl: undefined,
      topology: 'single',
      ui: { port: 8233 },
    });
  });

  it('split defaults to postgres, and so does a PostgreSQL URL', () => {
    expect(args('--topology', 'split').store).toBe('postgres');
    expect(args('--postgres-url', 'postgres://t@127.0.0.1/x').store).toBe('postgres');
  });

  it('takes --store memory, --no-ui and --ui-port', () => {
    expect(args('--store', 'memory', '--no-ui')).toMatchObject({ store: 'memory', ui: false });
    expect(args('--ui-port', '9000').ui).toEqual({ port: 9000 });
  });

  it.each([
    [['--store', 'mysql'], /--store is "mysql"[\s\S]*memory, sqlite, postgres/],
    [['--topology', 'mesh'], /--topology is "mesh"[\s\S]*single, split/],
    [['--topology', 'split', '--store', 'sqlite'], /cannot share a sqlite store[\s\S]*--store postgres/],
    [['--store', 'memory', '--postgres-url', 'postgres://t@h/x'], /--postgres-url is given with --store memory/],
    [['--ui-port', '99999'], /--ui-port is "99999", not a TCP port/],
    [['--no-ui', '--ui-port', '9000'], /--no-ui is given with --ui-port/],
    [['--bogus'], /Unknown option '--bogus'[\s\S]*--help/],
  ])('refuses %j with the value and the fix', (given, message) => {
    expect(() => parseServerArgs(given)).toThrow(UsageError);
    expect(() => parseServerArgs(given)).toThrow(message);
  });

  it('answers --help', () => {
    expect(parseServerArgs(['--help'])).toEqual({ help: true });
  });
});
