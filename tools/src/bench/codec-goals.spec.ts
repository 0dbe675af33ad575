import { codecGoalLines } from './codec-goals';

describe('codecGoalLines', () => {
  it('says met or missed for encode and decode at each size with a goal, and which sizes were not measured', () => {
    expect(
      codecGoalLines([
        { size: '1 KiB', encode: 0.6, decode: 0.59 },
        { size: '64 KiB', encode: 0.1, decode: 0.1 },
      ]),
    ).toEqual([
      '- encode at 1 KiB: 0.60x the raw cipher (goal >= 0.6x): met',
      '- decode at 1 KiB: 0.59x the raw cipher (goal >= 0.6x): missed',
      '- 1 MiB: not measured',
    ]);
  });
});
