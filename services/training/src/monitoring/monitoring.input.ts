import { BadInputError, isIsoDate, Provenance } from '@kesos/infra';
import { Field, ID, InputType } from 'type-graphql';
import { todayIso } from '../common/common.helpers';

@InputType({ description: "Assessment of a graduate's business after training (monev kecakapan hidup)" })
export class AssessAlumniInput {
  @Field(() => ID, { description: 'Enrollment id of the graduate; one assessment per graduate' })
  enrollmentId!: string;

  @Field({ description: 'Day of the assessment (tanggal monev), YYYY-MM-DD: after the class ended, not in the future' })
  assessedOn!: string;

  @Field({ description: 'Progress in marketing (pemasaran)' })
  marketingImproved!: boolean;

  @Field({ description: 'Business permits obtained (perizinan)' })
  permitsObtained!: boolean;

  @Field({ description: 'Progress in quantity of products sold (kuantitas)' })
  quantityImproved!: boolean;

  @Field({ description: 'Progress in quality of products (kualitas)' })
  qualityImproved!: boolean;

  @Field(() => String, { nullable: true, description: "Assessor's notes (catatan), at most 500 characters" })
  notes?: string | null;

  @Field(() => Provenance, {
    nullable: true,
    description:
      'Where the record comes from (asal data): OPERATIONAL when left out; only an admin loading a report or generated data gives another',
  })
  provenance?: Provenance | null;
}

export function validateAssessAlumni(input: AssessAlumniInput): { assessedOn: string; notes: string | null } {
  if (!isIsoDate(input.assessedOn)) throw new BadInputError('assessedOn', 'Assessment day must be a date YYYY-MM-DD');
  if (input.assessedOn > todayIso()) throw new BadInputError('assessedOn', 'Assessment day cannot be in the future');
  const notes = input.notes?.trim() || null;
  if (notes && notes.length > 500) throw new BadInputError('notes', 'Notes are at most 500 characters');
  return { assessedOn: input.assessedOn, notes };
}

/** The rule stated on AlumniMonitoring.hasLifeSkills. */
export const showsLifeSkills = (
  a: Pick<AssessAlumniInput, 'marketingImproved' | 'permitsObtained' | 'quantityImproved' | 'qualityImproved'>,
): boolean => a.marketingImproved || a.permitsObtained || a.quantityImproved || a.qualityImproved;
