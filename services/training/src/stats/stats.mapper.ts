import { percentage, summaryOfCounters } from '@kesos/infra';
import { ENROLLMENT_COUNTERS } from './stats.rollup';
import { EnrollmentStatus } from '../enrollment/enrollment.type';
import { Education } from '../participant/participant.type';
import { Gender } from '../unit/unit.type';
import { provinceName } from './stats.province';
import type { TrainingStatsRow } from './stats.type';

/** One grouped row as the database returns it: absent dimensions are undefined, sums may be strings or null. */
export interface RawStatsRow {
  unitCode?: string;
  year?: number | string;
  programmeCode?: string;
  gender?: string;
  education?: string;
  status?: string;
  province?: string;
  enrolled: number | string | null;
  graduated: number | string | null;
  failed: number | string | null;
  droppedOut: number | string | null;
}

const count = (v: number | string | null | undefined): number => Number(v ?? 0);

export function toTrainingStatsRow(raw: RawStatsRow, participants: number): TrainingStatsRow {
  const enrolled = count(raw.enrolled);
  const graduated = count(raw.graduated);
  return {
    unitCode: raw.unitCode ?? null,
    rank: null,
    year: raw.year === undefined ? null : Number(raw.year),
    programmeCode: raw.programmeCode ?? null,
    gender: raw.gender === undefined ? null : Gender[raw.gender as keyof typeof Gender],
    education: raw.education === undefined ? null : Education[raw.education as keyof typeof Education],
    status: raw.status === undefined ? null : EnrollmentStatus[raw.status as keyof typeof EnrollmentStatus],
    provinceCode: raw.province ?? null,
    provinceName: raw.province === undefined ? null : provinceName(raw.province),
    enrolled,
    graduated,
    failed: count(raw.failed),
    droppedOut: count(raw.droppedOut),
    participants,
    graduationRate: percentage(graduated, enrolled),
    evidence: summaryOfCounters(raw, ENROLLMENT_COUNTERS),
  };
}
