import { SakipCategory } from './sakip.type';

/** Category bands of the SAKIP evaluation: AA >90-100, A >80-90, BB >70-80, B >60-70, CC >50-60, C >30-50, D 0-30. */
const BANDS: [number, SakipCategory][] = [
  [90, SakipCategory.AA],
  [80, SakipCategory.A],
  [70, SakipCategory.BB],
  [60, SakipCategory.B],
  [50, SakipCategory.CC],
  [30, SakipCategory.C],
];

export function sakipCategory(score: number): SakipCategory {
  return BANDS.find(([above]) => score > above)?.[1] ?? SakipCategory.D;
}

/** Standard competition ranking: equal scores share a rank, the next rank skips. */
export function competitionRanks(scores: number[]): number[] {
  return scores.map((s) => scores.filter((o) => o > s).length + 1);
}
