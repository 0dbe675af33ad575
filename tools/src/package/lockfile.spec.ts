import { productionClosure, productionEntry, resolveIn, type Lockfile } from './lockfile';

const lock: Lockfile = {
  name: 'workspace',
  version: '0.0.0',
  lockfileVersion: 3,
  packages: {
    '': { name: 'workspace', devDependencies: { jest: '30.0.0' } },
    'libs/connection': {
      name: '@temporal-samples/connection',
      dependencies: { a: '1.0.0' },
      devDependencies: { x: '1' },
    },
    'node_modules/@temporal-samples/connection': { resolved: 'libs/connection', link: true },
    'node_modules/a': { version: '1.0.0', dependencies: { b: '^2.0.0' }, optionalDependencies: { gone: '1' } },
    'node_modules/a/node_modules/b': {
      version: '2.0.0',
      peerDependencies: { c: '*', d: '*' },
      peerDependenciesMeta: { d: { optional: true } },
    },
    'node_modules/b': { version: '1.0.0', dev: true },
    'node_modules/c': { version: '3.0.0', devOptional: true },
    'node_modules/d': { version: '4.0.0', dev: true },
    'node_modules/jest': { version: '30.0.0', dev: true },
  },
};

describe('cutting a production lockfile from the workspace lockfile', () => {
  it('resolves a name from a nested location first, then walks up, as Node does', () => {
    expect(resolveIn(lock, 'node_modules/a', 'b')).toBe('node_modules/a/node_modules/b');
    expect(resolveIn(lock, '', 'b')).toBe('node_modules/b');
    expect(resolveIn(lock, 'node_modules/a/node_modules/b', 'c')).toBe('node_modules/c');
    expect(resolveIn(lock, 'libs/connection', 'a')).toBe('node_modules/a');
    expect(resolveIn(lock, '', 'missing')).toBeUndefined();
  });

  it('keeps what production loads: workspace links and their targets, nested versions, required peers', () => {
    expect([...productionClosure(lock, ['@temporal-samples/connection'])].sort()).toEqual([
      'libs/connection',
      'node_modules/@temporal-samples/connection',
      'node_modules/a',
      'node_modules/a/node_modules/b',
      'node_modules/c',
    ]);
  });

  it('names the missing package and who needs it', () => {
    expect(() => productionClosure(lock, ['nope'])).toThrow(
      'package-lock.json has no entry for "nope" (needed by "the app")',
    );
  });

  it('drops dev markers, so npm ci --omit=dev installs every entry', () => {
    expect(productionEntry(lock.packages['libs/connection'])).toEqual({
      name: '@temporal-samples/connection',
      dependencies: { a: '1.0.0' },
    });
    expect(productionEntry(lock.packages['node_modules/c'])).toEqual({ version: '3.0.0', optional: true });
  });
});
