import { UsageError } from '../cli/errors';
import { parseCertArgs } from './args';

describe('parseCertArgs', () => {
  it('turns flags into options', () => {
    expect(
      parseCertArgs([
        '--out',
        'x',
        '--client',
        'a',
        '--client',
        'b',
        '--rsa',
        '--days',
        '30',
        '--server-name',
        'tmprl.test',
        '--force',
      ]),
    ).toEqual({
      help: false,
      options: { outDir: 'x', clients: ['a', 'b'], algorithm: 'rsa', days: 30, serverName: 'tmprl.test', force: true },
    });
  });

  it('leaves defaults to the library', () => {
    expect(parseCertArgs([])).toEqual({
      help: false,
      options: {
        outDir: undefined,
        clients: undefined,
        algorithm: 'ecdsa',
        days: undefined,
        serverName: undefined,
        force: false,
      },
    });
    expect(parseCertArgs(['--help'])).toEqual({ help: true });
  });

  it.each([
    [['--days', 'abc'], /--days is "abc": it must be a whole number of days/],
    [['--days', '1.5'], /--days is "1.5"/],
    [['--days', '0'], /--days is "0"/],
    [['--client', 'a/b'], /--client: client name "a\/b" is not allowed/],
    [['--client', '../up'], /--client: client name "..\/up" is not allowed/],
    [['--server-name', 'a_b'], /--server-name: server name "a_b" is not a DNS name/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['stray'], /Unexpected argument "stray"/],
    [['--days'], /--days/],
    [['--out', __filename], /--out .* is a file\./],
  ])('refuses %j with a UsageError', (args, message) => {
    expect(() => parseCertArgs(args)).toThrow(UsageError);
    expect(() => parseCertArgs(args)).toThrow(message);
  });
});
