import { BadInputError, hasAtMost2Decimals, Provenance } from '@kesos/infra';
import { Field, Float, ID, InputType } from 'type-graphql';
import { Predicate } from './enrollment.type';

@InputType({ description: 'Registers a participant for a class (pendaftaran)' })
export class EnrollParticipantInput {
  @Field(() => ID, { description: 'Class (angkatan) id; the class must be PLANNED or RUNNING and have a free seat' })
  classId!: string;

  @Field(() => ID, { description: 'Participant id; a participant is enrolled in a class at most once' })
  participantId!: string;

  @Field(() => Provenance, {
    nullable: true,
    description:
      'Where the record comes from (asal data): OPERATIONAL when left out; only an admin loading a report or generated data gives another',
  })
  provenance?: Provenance | null;
}

@InputType({ description: 'Pre-test and post-test scores of an ATTENDING enrollment (nilai pre test dan post test)' })
export class RecordTestScoresInput {
  @Field(() => ID, { description: 'Enrollment id' })
  enrollmentId!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Pre-test score, 0-100, at most 2 decimals; unchanged when omitted',
  })
  preTestScore?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Post-test score, 0-100, at most 2 decimals; unchanged when omitted',
  })
  postTestScore?: number | null;
}

@InputType({ description: 'Graduates an ATTENDING enrollment whose scores are recorded (kelulusan)' })
export class GraduateEnrollmentInput {
  @Field(() => ID, { description: 'Enrollment id' })
  enrollmentId!: string;

  @Field(() => Predicate, {
    nullable: true,
    description: 'Predicate (predikat); derived from the post-test score when omitted (see Predicate)',
  })
  predicate?: Predicate | null;
}

@InputType({ description: 'Records that a participant left the class before its end' })
export class DropOutEnrollmentInput {
  @Field(() => ID, { description: 'Enrollment id; REGISTERED or ATTENDING' })
  enrollmentId!: string;

  @Field({ description: 'Why the participant left (alasan), 1-300 characters' })
  reason!: string;
}

/** A score is 0-100 with at most two decimals, the precision of its DECIMAL(6,2) column. */
export function validScore(field: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || value < 0 || value > 100)
    throw new BadInputError(field, `${field} must be between 0 and 100`);
  if (!hasAtMost2Decimals(value)) throw new BadInputError(field, `${field} has at most 2 decimals`);
  return Math.round(value * 100) / 100;
}

export function validReason(reason: string): string {
  const r = reason.trim();
  if (!r || r.length > 300) throw new BadInputError('reason', 'Reason is required and at most 300 characters');
  return r;
}
