import { builtLayers } from './build-cache';

describe('builtLayers', () => {
  it("takes every step's image from podman build's output, new or from the cache", () => {
    const output = [
      '[1/2] STEP 1/3: FROM localhost/base AS build',
      '[1/2] STEP 2/3: RUN npm ci',
      '--> Using cache 7e4a6f2a092f5032d0d5b6b13f7e35d97e72ba714fd6b200f185943337aeec0e',
      '--> 7e4a6f2a092',
      '[2/2] STEP 3/3: COPY --from=build /package ./',
      'copying --> not an image',
      '--> d5cd9d3fcf0',
      'Successfully tagged localhost/app:e2e',
    ].join('\n');
    expect(builtLayers(output)).toEqual([
      '7e4a6f2a092f5032d0d5b6b13f7e35d97e72ba714fd6b200f185943337aeec0e',
      '7e4a6f2a092',
      'd5cd9d3fcf0',
    ]);
  });
});
