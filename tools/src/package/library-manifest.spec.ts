import { libraryManifest } from './library-manifest';

describe('a workspace library as the package holds it', () => {
  it('loads built JavaScript only: no development condition, no types, no Nx or dev fields', () => {
    const manifest = {
      name: '@temporal-samples/connection',
      main: './dist/index.js',
      types: './dist/index.d.ts',
      exports: {
        '.': { development: './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' },
        './package.json': './package.json',
      },
      dependencies: { dotenv: '17.2.3' },
      devDependencies: { jest: '30.0.0' },
      nx: { name: 'connection' },
    };
    expect(libraryManifest(manifest)).toEqual({
      name: '@temporal-samples/connection',
      main: './dist/index.js',
      exports: { '.': { default: './dist/index.js' }, './package.json': './package.json' },
      dependencies: { dotenv: '17.2.3' },
    });
  });
});
