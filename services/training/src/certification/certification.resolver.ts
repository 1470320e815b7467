import type { RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  RecordCertificationAssessmentInput,
  RegisterCertificationCandidateInput,
  ScheduleCertificationSessionInput,
} from './certification.input';
import { candidateById, sessionById } from './certification.loader';
import { toCertificationCandidate, toCertificationSession } from './certification.mapper';
import {
  candidateAssessments,
  candidateName,
  listAssessments,
  listCandidates,
  listSessions,
  recordAssessment,
  registerCandidate,
  scheduleSession,
} from './certification.service';
import {
  CertificationAssessment,
  CertificationAssessmentPage,
  CertificationCandidate,
  CertificationCandidatePage,
  CertificationResult,
  CertificationSession,
} from './certification.type';

const UNIT_ARG = { description: 'Unit code (kode unit), e.g. BBPPKS-PADANG' };
const FIRST_ARG = { defaultValue: 50, description: 'Page size (jumlah per halaman), 1-200' };
const AFTER_ARG = {
  nullable: true,
  description: 'Cursor from the previous page, pageInfo.endCursor (kursor halaman sebelumnya)',
};

@Resolver(() => CertificationAssessment)
export class CertificationResolver {
  @Query(() => CertificationAssessmentPage, {
    description:
      'Certification results of a unit (hasil sertifikasi SDM Kesos), oldest first, paged by cursor; readable by the unit, analysts and admins',
  })
  async certificationAssessments(
    @Arg('unit', () => ID, UNIT_ARG) unit: string,
    @Arg('year', () => Int, { nullable: true, description: 'Only results counting towards this year (tahun)' })
    year: number | null,
    @Arg('result', () => CertificationResult, { nullable: true, description: 'Only this result (hasil)' })
    result: CertificationResult | null,
    @Arg('first', () => Int, FIRST_ARG) first: number,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CertificationAssessmentPage> {
    return listAssessments(ctx, { unit, year, result, first, after });
  }

  @Query(() => CertificationCandidatePage, {
    description: 'Certification candidates of a unit (daftar asesi), oldest first, paged by cursor',
  })
  async certificationCandidates(
    @Arg('unit', () => ID, UNIT_ARG) unit: string,
    @Arg('year', () => Int, { nullable: true, description: 'Only candidates planned for this year (tahun)' })
    year: number | null,
    @Arg('first', () => Int, FIRST_ARG) first: number,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CertificationCandidatePage> {
    return listCandidates(ctx, { unit, year, first, after });
  }

  @Query(() => [CertificationSession], {
    description: 'Assessment sessions of a unit in a year (jadwal uji kompetensi), by start date',
  })
  async certificationSessions(
    @Arg('unit', () => ID, UNIT_ARG) unit: string,
    @Arg('year', () => Int, { description: 'Year (tahun)' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<CertificationSession[]> {
    return listSessions(ctx, unit, year);
  }

  @Mutation(() => CertificationCandidate, {
    description: 'Plans a person for certification (daftarkan asesi); operator of the unit or admin',
  })
  async registerCertificationCandidate(
    @Arg('input', { description: 'The candidate' }) input: RegisterCertificationCandidateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CertificationCandidate> {
    return registerCandidate(ctx, input);
  }

  @Mutation(() => CertificationSession, {
    description: 'Schedules an assessment session (jadwalkan uji kompetensi); operator of the unit or admin',
  })
  async scheduleCertificationSession(
    @Arg('input', { description: 'The session' }) input: ScheduleCertificationSessionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CertificationSession> {
    return scheduleSession(ctx, input);
  }

  @Mutation(() => CertificationAssessment, {
    description:
      "Records a candidate's result in a session (catat hasil uji kompetensi): one result per candidate per session, none after the candidate was found competent that year; operator of the unit or admin; publishes training.certification.assessed",
  })
  async recordCertificationAssessment(
    @Arg('input', { description: 'The result' }) input: RecordCertificationAssessmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CertificationAssessment> {
    return recordAssessment(ctx, input);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the result is KOMPETEN (kompeten)' })
  competent(@Root() assessment: CertificationAssessment): boolean {
    return assessment.result === CertificationResult.KOMPETEN;
  }

  @FieldResolver(() => CertificationCandidate, { description: 'The candidate assessed (asesi)' })
  async candidate(
    @Root() assessment: CertificationAssessment,
    @Ctx() ctx: RequestContext,
  ): Promise<CertificationCandidate | null> {
    const row = await candidateById(ctx).load(assessment.candidateId);
    return row && toCertificationCandidate(row);
  }

  @FieldResolver(() => CertificationSession, { description: 'The session of the assessment (sesi uji kompetensi)' })
  async session(
    @Root() assessment: CertificationAssessment,
    @Ctx() ctx: RequestContext,
  ): Promise<CertificationSession | null> {
    const row = await sessionById(ctx).load(assessment.sessionId);
    return row && toCertificationSession(row);
  }
}

@Resolver(() => CertificationCandidate)
export class CertificationCandidateResolver {
  @FieldResolver(() => String, {
    description:
      'Full name (nama lengkap); shown in full to the unit itself and admins, masked (first letters) for analysts',
  })
  name(@Root() candidate: CertificationCandidate, @Ctx() ctx: RequestContext): string {
    return candidateName(ctx, candidate);
  }

  @FieldResolver(() => [CertificationAssessment], {
    description: "The candidate's results, oldest first (riwayat hasil uji kompetensi)",
  })
  async assessments(
    @Root() candidate: CertificationCandidate,
    @Ctx() ctx: RequestContext,
  ): Promise<CertificationAssessment[]> {
    return candidateAssessments(ctx, candidate);
  }
}
