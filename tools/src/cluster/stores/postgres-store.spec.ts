import { StoreError } from '../../cli/errors';
import { parsePostgresUrl } from './postgres-store';

describe('parsePostgresUrl', () => {
  it('reads user, password, host, port and database', () => {
    expect(parsePostgresUrl('postgres://temporal:s%40cret@db.local:6543/prod')).toEqual({
      host: 'db.local',
      port: 6543,
      user: 'temporal',
      password: 's@cret',
      database: 'prod',
    });
  });

  it('defaults the port to 5432 and the database to temporal', () => {
    expect(parsePostgresUrl('postgresql://temporal@127.0.0.1')).toMatchObject({ port: 5432, database: 'temporal' });
  });

  it.each(['not a url', 'mysql://u@h/db', 'postgres://h/db'])('refuses %s without echoing it', (text) => {
    expect(() => parsePostgresUrl(text)).toThrow(StoreError);
    expect(() => parsePostgresUrl(text)).toThrow(/--postgres-url[\s\S]*Fix: give e\.g\. postgres:\/\//);
  });

  it('never prints the password', () => {
    expect(() => parsePostgresUrl('mysql://u:hunter2@h/db')).toThrow(/^(?![\s\S]*hunter2)/);
  });
});
