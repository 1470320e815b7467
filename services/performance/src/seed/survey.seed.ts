import { Provenance } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { insertResponses } from '../survey/survey.service';
import { PADANG } from './plan.seed';

/**
 * RECONSTRUCTED survey responses. The report gives only totals for the 2022 IKM: 1,508 respondents,
 * 868 men and 640 women; SD 18, SMP 18, SMA 261, DIII 118, S1 1025, S2 68; index 91.60. The
 * individual answers are not published, so they are generated here: every answer is 3 or 4,
 * spread deterministically, with 9,012 fours among the 13,572 answers. That sum (49,728) gives
 * 49,728 x 25 / (9 x 1,508) = 91.6003, i.e. 91.60. Gender and education are split across
 * respondents deterministically too; only the totals match the report.
 *
 * Their provenance is RECONSTRUCTED, not SYNTHETIC: they are made so that they add up to the
 * printed totals (respondents, gender, education, index 91.60), which is what RECONSTRUCTED
 * says, and SYNTHETIC is kept for the generator's data, which reproduces nothing printed. An IKM
 * derived from them matches the report by construction, never as evidence for it.
 */
const RESPONDENTS = 1508;
const MEN = 868;
const EDUCATION: [string, number][] = [
  ['SD', 18],
  ['SMP', 18],
  ['SMA', 261],
  ['DIII', 118],
  ['S1', 1025],
  ['S2', 68],
];
const FOURS = 9012;
/** A multiplier coprime with both totals turns i -> (i x m) mod n into a permutation: exact counts, no clustering. */
const SPREAD = 7919;

export function syntheticResponses(): { gender: string; education: string; answers: number[] }[] {
  const educationOf: string[] = EDUCATION.flatMap(([level, n]) => Array<string>(n).fill(level));
  const answers = RESPONDENTS * 9;
  return Array.from({ length: RESPONDENTS }, (_, r) => ({
    gender: (r * 7) % RESPONDENTS < MEN ? 'MALE' : 'FEMALE',
    education: educationOf[r],
    answers: Array.from({ length: 9 }, (_, e) => (((r * 9 + e) * SPREAD) % answers < FOURS ? 4 : 3)),
  }));
}

export async function seedSurvey(m: EntityManager): Promise<void> {
  const submittedBy = 'seed: synthetic IKM responses (Responden Sintetis)';
  await insertResponses(m, PADANG, 2022, syntheticResponses(), submittedBy, {
    provenance: Provenance.RECONSTRUCTED,
    submittedAt: new Date('2022-12-31T00:00:00Z'),
  });
}
