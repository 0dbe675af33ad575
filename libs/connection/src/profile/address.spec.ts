import { hostAndPort, parseAddress, withDefaultPort, withoutUrlParts } from './address';

describe('Temporal gRPC addresses', () => {
  it.each([
    ['localhost:7233', { host: 'localhost', port: 7233 }],
    ['10.0.0.1:443', { host: '10.0.0.1', port: 443 }],
    ['[::1]:7233', { host: '::1', port: 7233 }],
    ['ns.acct.tmprl.cloud:7233', { host: 'ns.acct.tmprl.cloud', port: 7233 }],
  ])('%s is host and port', (address, expected) => {
    expect(parseAddress(address)).toEqual(expected);
    expect(hostAndPort(address)).toEqual(expected);
  });

  it.each(['localhost', 'localhost:0', 'localhost:65536', 'http://localhost:7233', 'localhost:7233/x', '::1:7233'])(
    '%s is not host:port',
    (address) => expect(parseAddress(address)).toBeUndefined(),
  );

  it('suggests what a URL or a bare host should have been', () => {
    expect(withDefaultPort(withoutUrlParts('https://ns.acct.tmprl.cloud/namespaces'))).toBe('ns.acct.tmprl.cloud:7233');
    expect(withDefaultPort(withoutUrlParts('http://localhost:8233'))).toBe('localhost:8233');
    expect(withDefaultPort('[::1]')).toBe('[::1]:7233');
  });
});
