import { UsageError } from '../../cli/errors';
import { labelOf, parseMatrix, selectMatrix } from './matrix';
import { goalLines } from './report';

const labels = (rows: ReturnType<typeof selectMatrix>) => rows.map(labelOf);

describe('the throughput benchmark rows', () => {
  it('by default runs each ratio once: plain-memory, 3 workers, mTLS, codec, both kept stores, start-dev', () => {
    expect(labels(selectMatrix('default', []))).toEqual([
      'local plain memory 1w',
      'local plain memory 3w',
      'local mTLS memory 1w',
      'local mTLS+codec memory 1w',
      'local plain sqlite 1w',
      'local plain postgres 1w',
      'start-dev plain memory 1w',
    ]);
  });

  it('runs every combination with --matrix full', () => {
    expect(selectMatrix('full', [])).toHaveLength(20);
  });

  it('keeps the rows with every word of an --only filter, and the plain-memory reference for their worker counts', () => {
    expect(labels(selectMatrix('full', ['postgres 3w']))).toEqual([
      'local plain memory 3w',
      'local plain postgres 3w',
      'local mTLS postgres 3w',
      'local mTLS+codec postgres 3w',
    ]);
    expect(labels(selectMatrix('default', ['MTLS', 'start-dev']))).toEqual([
      'local plain memory 1w',
      'local mTLS memory 1w',
      'start-dev plain memory 1w',
    ]);
  });

  it('refuses a word no row has, or a filter that keeps nothing, naming the value', () => {
    expect(() => selectMatrix('default', ['postgre'])).toThrow(/--only is "postgre"; "postgre" is not a word/);
    expect(() => selectMatrix('default', ['start-dev 3w'])).toThrow(UsageError);
    expect(() => parseMatrix('all')).toThrow(/--matrix is "all"/);
  });

  it('says met or missed for each goal it has rows for, on the medians', () => {
    const measured = selectMatrix('default', []).map((config) => ({
      config,
      rates:
        config.security === 'mTLS+codec' ? [9, 8, 20] : config.server === 'start-dev' ? [12, 11, 13] : [10, 10, 10],
    }));
    expect(goalLines(measured)).toEqual([
      '- mTLS vs plain, 1w: 1.00x (local mTLS memory 1w / local plain memory 1w; goal >= 0.9x): met',
      '- mTLS+codec vs mTLS, 1w: 0.90x (local mTLS+codec memory 1w / local mTLS memory 1w; goal >= 0.85x): met',
      '- plain vs start-dev, 1w: 0.83x (local plain memory 1w / start-dev plain memory 1w; goal >= 1x): missed',
    ]);
  });
});
