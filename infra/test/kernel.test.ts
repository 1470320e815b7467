import { FIRST_YEAR, isIsoDate, isYearInRange, LAST_YEAR, parseIsoDate } from '../src';

describe('kernel', () => {
  it('takes whole years from 2000 to 2100', () => {
    expect([FIRST_YEAR, LAST_YEAR]).toEqual([2000, 2100]);
    expect([2000, 2022, 2100].map(isYearInRange)).toEqual([true, true, true]);
    expect([1999, 2101, 2022.5, Number.NaN].map(isYearInRange)).toEqual([false, false, false, false]);
  });

  it('parses ISO dates that exist and refuses the rest', () => {
    expect(parseIsoDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    for (const bad of ['2022-02-30', '2023-02-29', '2022-13-01', '2022-1-01', ' 2022-01-01', '01/02/2022', ''])
      expect(isIsoDate(bad)).toBe(false);
  });
});
