import type { RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  RecordAccreditationInput,
  RegisterLksInstitutionInput,
  SetAccreditationTargetInput,
} from './accreditation.input';
import { institutionById } from './accreditation.loader';
import { toLksInstitution } from './accreditation.mapper';
import {
  isAccredited,
  listAccreditations,
  listInstitutions,
  recordAccreditation,
  registerInstitution,
  setTarget,
} from './accreditation.service';
import {
  AccreditationAssessment,
  AccreditationAssessmentPage,
  AccreditationResult,
  AccreditationTarget,
  LksInstitution,
  LksInstitutionPage,
  VALIDITY_YEARS,
} from './accreditation.type';
import { validUntil } from './accreditation.validity';

const UNIT_ARG = { description: 'Unit code (kode unit), e.g. BBPPKS-PADANG' };
const FIRST_ARG = { defaultValue: 50, description: 'Page size (jumlah per halaman), 1-200' };
const AFTER_ARG = {
  nullable: true,
  description: 'Cursor from the previous page, pageInfo.endCursor (kursor halaman sebelumnya)',
};

@Resolver(() => AccreditationAssessment)
export class AccreditationResolver {
  @Query(() => AccreditationAssessmentPage, {
    description:
      'Accreditation decisions of a unit (hasil akreditasi LKS), oldest first, paged by cursor; readable by the unit, analysts and admins',
  })
  async accreditationAssessments(
    @Arg('unit', () => ID, UNIT_ARG) unit: string,
    @Arg('year', () => Int, { nullable: true, description: 'Only visits in this year (tahun)' }) year: number | null,
    @Arg('result', () => AccreditationResult, { nullable: true, description: 'Only this result (hasil)' })
    result: AccreditationResult | null,
    @Arg('first', () => Int, FIRST_ARG) first: number,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AccreditationAssessmentPage> {
    return listAccreditations(ctx, { unit, year, result, first, after });
  }

  @Query(() => LksInstitutionPage, {
    description: "Institutions in a unit's work area (daftar LKS), oldest first, paged by cursor",
  })
  async lksInstitutions(
    @Arg('unit', () => ID, UNIT_ARG) unit: string,
    @Arg('first', () => Int, FIRST_ARG) first: number,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<LksInstitutionPage> {
    return listInstitutions(ctx, { unit, first, after });
  }

  @Mutation(() => LksInstitution, {
    description: 'Registers an institution (daftarkan LKS); operator of the unit or admin',
  })
  async registerLksInstitution(
    @Arg('input', { description: 'The institution' }) input: RegisterLksInstitutionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LksInstitution> {
    return registerInstitution(ctx, input);
  }

  @Mutation(() => AccreditationAssessment, {
    description:
      'Records an accreditation visit and its decision (catat visitasi dan hasil akreditasi), at most one per institution per year; operator of the unit or admin; publishes training.accreditation.decided',
  })
  async recordAccreditation(
    @Arg('input', { description: 'The visit and decision' }) input: RecordAccreditationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AccreditationAssessment> {
    return recordAccreditation(ctx, input);
  }

  @Mutation(() => AccreditationTarget, {
    description:
      'Sets the number of institutions planned for assessment in a year (target akreditasi RKT); operator of the unit or admin',
  })
  async setAccreditationTarget(
    @Arg('input', { description: 'The target' }) input: SetAccreditationTargetInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AccreditationTarget> {
    return setTarget(ctx, input);
  }

  @FieldResolver(() => LksInstitution, { description: 'The institution visited (LKS)' })
  async institution(
    @Root() assessment: AccreditationAssessment,
    @Ctx() ctx: RequestContext,
  ): Promise<LksInstitution | null> {
    const row = await institutionById(ctx).load(assessment.institutionId);
    return row && toLksInstitution(row);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the institution was accredited, i.e. the result is A, B or C (terakreditasi)',
  })
  accredited(@Root() assessment: AccreditationAssessment): boolean {
    return isAccredited(assessment.result);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Years of validity given by the result (masa berlaku): A 5, B 3, C 2; null when not accredited',
  })
  validityYears(@Root() assessment: AccreditationAssessment): number | null {
    return VALIDITY_YEARS[assessment.result];
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Last day of validity, ISO YYYY-MM-DD (berlaku sampai): decision date plus the validity years, minus one day; null when not accredited',
  })
  validUntil(@Root() assessment: AccreditationAssessment): string | null {
    return validUntil(assessment.result, assessment.decidedOn);
  }
}
