import { BadInputError, rankStatsRows, SortDirection, statsFirst, statsUnits, statsYears } from '../src';
import type { Caller } from '../src';

const analyst: Caller = { subject: 'a', role: 'analyst', unit: null };
const viewer: Caller = { subject: 'v', role: 'viewer', unit: 'U1' };

describe('statistics kernel', () => {
  const rows = [
    { unit: 'A', rate: 90 },
    { unit: 'B', rate: 99 },
    { unit: 'C', rate: 90 },
    { unit: 'D', rate: null },
    { unit: 'E', rate: 80 },
  ];
  const rate = (r: (typeof rows)[number]) => r.rate;

  it('ranks with shared ranks that skip (1, 2, 2, 4) and puts rows without a value last', () => {
    const ranked = rankStatsRows(rows, [{ field: 'RATE', direction: SortDirection.DESC }], rate, null);
    expect(ranked.map((r) => [r.unit, r.rank])).toEqual([
      ['B', 1],
      ['A', 2],
      ['C', 2],
      ['E', 4],
      ['D', 5],
    ]);
    const ascending = rankStatsRows(rows, [{ field: 'RATE', direction: SortDirection.ASC }], rate, 2);
    expect(ascending.map((r) => [r.unit, r.rank])).toEqual([
      ['E', 1],
      ['A', 2],
    ]);
  });

  it('keeps the natural order and a null rank without orderBy, and cuts after first', () => {
    expect(rankStatsRows(rows, [], rate, 2)).toEqual([
      { unit: 'A', rate: 90, rank: null },
      { unit: 'B', rate: 99, rank: null },
    ]);
  });

  it('scopes a viewer to their own unit without an error, an analyst to what they ask', () => {
    expect(statsUnits(analyst, null)).toBeNull();
    expect(statsUnits(analyst, ['X', 'X'])).toEqual(['X']);
    expect(statsUnits(viewer, null)).toEqual(['U1']);
    expect(statsUnits(viewer, ['U2'])).toEqual([]);
    expect(statsUnits(viewer, ['U1', 'U2'])).toEqual(['U1']);
  });

  it('names the field of a bad filter', () => {
    expect(() => statsYears({ fromYear: 2023, toYear: 2022 })).toThrow(BadInputError);
    expect(() => statsYears({ fromYear: 1 })).toThrow(/filter\.fromYear/);
    expect(statsYears({ fromYear: 2022, toYear: 2022 })).toEqual({ fromYear: 2022, toYear: 2022 });
    expect(() => statsFirst(0)).toThrow(/first must be/);
    expect(statsFirst(undefined)).toBeNull();
  });
});
