import { expiryStatus } from './status';
import { DAY_MS } from './validity';

describe('expiryStatus', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);

  it.each([
    [365, 'ok', false],
    [31, 'ok', false],
    [30, 'expires in 30 d', true],
    [0.5, 'expires in 1 d', true],
    [0, 'EXPIRED', true],
    [-3, 'EXPIRED', true],
  ])('%d days left: %s', (days, text, attention) => {
    expect(expiryStatus(at(days), now)).toEqual({ text, attention });
  });
});
