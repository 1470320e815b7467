import { SatisfactionGrade } from './survey.type';

/**
 * IKM arithmetic per Permenpan RB 14/2017. Each of the nine elements weighs exactly 1/9, so the
 * weighted mean of the element means (NRR) is the sum of all answers / (9 x respondents); the
 * index is that mean x 25. Computed in integers so that no 0.111 weight or binary fraction
 * shifts the half-up rounding to 2 decimals.
 */
export const ELEMENTS = [
  { code: 'U1', name: 'Requirements (persyaratan)' },
  { code: 'U2', name: 'Systems, mechanisms and procedures (sistem, mekanisme, dan prosedur)' },
  { code: 'U3', name: 'Completion time (waktu penyelesaian)' },
  { code: 'U4', name: 'Cost or tariff (biaya/tarif)' },
  { code: 'U5', name: 'Service products (produk spesifikasi jenis pelayanan)' },
  { code: 'U6', name: 'Staff competence (kompetensi pelaksana)' },
  { code: 'U7', name: 'Staff conduct (perilaku pelaksana)' },
  { code: 'U8', name: 'Handling of complaints and suggestions (penanganan pengaduan, saran, dan masukan)' },
  { code: 'U9', name: 'Facilities and infrastructure (sarana dan prasarana)' },
] as const;

/** round-half-up(numerator / denominator, 2 decimals) for non-negative integers, exactly. */
export function exactRatio2(numerator: number, denominator: number): number {
  return Math.floor((numerator * 200 + denominator) / (2 * denominator)) / 100;
}

/** Satisfaction index 25-100: sum of answers x 25 / (9 x respondents), half-up to 2 decimals. */
export function satisfactionIndex(answerSum: number, respondents: number): number | null {
  if (!respondents) return null;
  return exactRatio2(answerSum * 25, 9 * respondents);
}

/** Grade bands of the regulation, applied to the rounded index. */
export function satisfactionGrade(index: number): SatisfactionGrade {
  if (index >= 88.31) return SatisfactionGrade.A;
  if (index >= 76.61) return SatisfactionGrade.B;
  if (index >= 65) return SatisfactionGrade.C;
  return SatisfactionGrade.D;
}
