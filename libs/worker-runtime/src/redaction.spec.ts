import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { AppProfile } from '@temporal-samples/connection';
import { profileSecrets, Redactor } from './redaction';

const privateKey = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const codecKey = randomBytes(32);
const keyring = {
  current: { id: 'k1', key: codecKey },
  byId: new Map([['k1', { id: 'k1', key: codecKey }]]),
} as NonNullable<AppProfile['codec']>['keyring'];

const profile = {
  address: 'example.tmprl.cloud:7233',
  namespace: 'ns',
  taskQueue: 'q',
  apiKey: 'eyJhbGciOi.api-key-material.signature',
  tls: { clientKey: privateKey },
  grpcMeta: { authorization: 'Bearer token-material-123' },
  codec: { keyring, origin: { variable: 'PAYLOAD_CODEC_KEYS', source: 'test' } },
  entries: [{ variable: 'TEMPORAL_CODEC_AUTH', value: 'codec-auth-secret', source: 'test', secret: true }],
  notices: [],
} as AppProfile;

describe('Redactor with the secrets of a profile', () => {
  const redactor = new Redactor(profileSecrets(profile));
  const material = [
    profile.apiKey as string,
    'Bearer token-material-123',
    codecKey.toString('base64'),
    'codec-auth-secret',
    privateKey.split('\n')[1],
  ];

  it.each(material)('removes %s from a line', (secret) => {
    const line = redactor.redact(`connecting with ${secret} now`);
    expect(line).toBe('connecting with <redacted> now');
  });

  it('removes a private key in a JSON line, where its newlines are escaped', () => {
    const line = JSON.stringify({ message: `key: ${privateKey}` });
    expect(redactor.redact(line)).not.toMatch(/PRIVATE KEY|MII/);
    expect(JSON.parse(redactor.redact(line)).message).toMatch(/^key: <redacted>\s*$/);
  });

  it('removes any private-key PEM block, even one the profile does not hold', () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(new Redactor().redact(`oops ${other} end`)).toBe('oops <redacted>\n end');
  });

  it('leaves ordinary lines alone, and values too short to be keys', () => {
    const short = new Redactor(['abc']);
    expect(short.redact('Worker polling task queue "abc"')).toBe('Worker polling task queue "abc"');
  });

  it('learns rotated secrets', () => {
    const rotating = new Redactor();
    rotating.add(['new-api-key-0123456789']);
    expect(rotating.redact('x new-api-key-0123456789 y')).toBe('x <redacted> y');
  });
});
