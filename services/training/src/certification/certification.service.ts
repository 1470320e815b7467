import type { RequestContext } from '@kesos/infra';
import {
  assertCanRead,
  assertCanWrite,
  BadInputError,
  canSeePersonalData,
  forUpdate,
  pageWindow,
  toConnection,
} from '@kesos/infra';
import { MoreThan } from 'typeorm';
import { countCandidateOutcome, outcomeOf } from '../certification-stats/certification-stats.service';
import { maskName } from '../common/common.helpers';
import {
  CertificationAssessmentEntity,
  CertificationCandidateEntity,
  CertificationSessionEntity,
} from './certification.entity';
import { certificationAssessedEvent } from './certification.events';
import type {
  RecordCertificationAssessmentInput,
  RegisterCertificationCandidateInput,
  ScheduleCertificationSessionInput,
} from './certification.input';
import { validateAssessment, validateCandidate, validateSession } from './certification.input';
import { assessmentsByCandidate, certificationSummaryByUnitYear } from './certification.loader';
import { toCertificationAssessment, toCertificationCandidate, toCertificationSession } from './certification.mapper';
import type {
  CertificationAssessment,
  CertificationAssessmentPage,
  CertificationCandidate,
  CertificationCandidatePage,
  CertificationSession,
  CertificationSummary,
} from './certification.type';
import { CertificationResult } from './certification.type';
import { existingUnit, validYear, workAreaPlace, yearOfDate } from '../common/common.validation';
import { writtenProvenance } from '../common/common.provenance';

export async function registerCandidate(
  ctx: RequestContext,
  input: RegisterCertificationCandidateInput,
): Promise<CertificationCandidate> {
  const valid = validateCandidate(input);
  assertCanWrite(ctx.caller, valid.unit);
  const provenance = writtenProvenance(ctx.caller, input.provenance);
  const saved = await ctx.db.transaction(async ({ manager }) => {
    const unitCode = await existingUnit(manager, 'unit', valid.unit);
    const place = await workAreaPlace(
      manager,
      unitCode,
      { province: 'originProvince', regency: 'originRegency' },
      input.originProvince,
      input.originRegency,
    );
    const row = manager.create(CertificationCandidateEntity, {
      unitCode,
      year: valid.year,
      name: valid.name,
      category: valid.category,
      originProvince: place.province,
      originRegency: place.regency,
      provenance,
    });
    const { identifiers } = await manager.insert(CertificationCandidateEntity, row);
    await countCandidateOutcome(manager, row, null, outcomeOf([]));
    return { ...row, id: Number(identifiers[0]?.id) };
  });
  return toCertificationCandidate(saved);
}

export async function scheduleSession(
  ctx: RequestContext,
  input: ScheduleCertificationSessionInput,
): Promise<CertificationSession> {
  const valid = validateSession(input);
  assertCanWrite(ctx.caller, valid.unit);
  const provenance = writtenProvenance(ctx.caller, input.provenance);
  const saved = await ctx.db.transaction(async ({ manager }) => {
    const unitCode = await existingUnit(manager, 'unit', valid.unit);
    const place = await workAreaPlace(
      manager,
      unitCode,
      { province: 'province', regency: 'regency' },
      input.province,
      input.regency,
    );
    const row = manager.create(CertificationSessionEntity, {
      unitCode,
      year: yearOfDate(valid.startDate),
      name: valid.name,
      ...place,
      startDate: valid.startDate,
      endDate: valid.endDate,
      provenance,
    });
    const { identifiers } = await manager.insert(CertificationSessionEntity, row);
    return { ...row, id: Number(identifiers[0]?.id) };
  });
  return toCertificationSession(saved);
}

/** Records one result and its event together; the candidate must belong to the session's unit and year. */
export async function recordAssessment(
  ctx: RequestContext,
  input: RecordCertificationAssessmentInput,
): Promise<CertificationAssessment> {
  const valid = validateAssessment(input);
  const provenance = writtenProvenance(ctx.caller, input.provenance);
  const recorded = await ctx.db.transaction(async (tx) => {
    const { manager } = tx;
    // The candidate is locked first: two results for one person recorded at once (in two sessions)
    // are then checked one after the other, and none lands after the person was found competent.
    const candidate = await manager.findOne(CertificationCandidateEntity, {
      where: { id: valid.candidateId },
      ...forUpdate(manager),
    });
    const session = await manager.findOneBy(CertificationSessionEntity, { id: valid.sessionId });
    if (!session) throw new BadInputError('sessionId', `session ${valid.sessionId} does not exist`);
    assertCanWrite(ctx.caller, session.unitCode);
    if (!candidate || candidate.unitCode !== session.unitCode)
      throw new BadInputError('candidateId', `candidate ${valid.candidateId} is not planned by ${session.unitCode}`);
    if (candidate.year !== session.year)
      throw new BadInputError(
        'candidateId',
        `candidate ${candidate.id} is planned for ${candidate.year}, but the session counts towards ${session.year}`,
      );
    if (valid.assessedOn < session.startDate || valid.assessedOn > session.endDate)
      throw new BadInputError(
        'assessedOn',
        `assessedOn must fall within the session, ${session.startDate} to ${session.endDate}`,
      );
    const earlier = await manager.find(CertificationAssessmentEntity, {
      where: { candidateId: candidate.id, year: session.year },
    });
    if (earlier.some((a) => a.sessionId === session.id))
      throw new BadInputError('candidateId', `candidate ${candidate.id} already has a result in session ${session.id}`);
    const competent = earlier.find((a) => a.result === CertificationResult.KOMPETEN);
    if (competent)
      throw new BadInputError(
        'candidateId',
        `candidate ${candidate.id} was already found competent in ${session.year} (assessment ${competent.id})`,
      );
    const row = manager.create(CertificationAssessmentEntity, {
      unitCode: session.unitCode,
      year: session.year,
      sessionId: session.id,
      candidateId: candidate.id,
      result: valid.result,
      assessedOn: valid.assessedOn,
      provenance,
    });
    const { identifiers } = await manager.insert(CertificationAssessmentEntity, row);
    // The candidate is locked and every result of theirs is in `earlier` (they all count towards its year).
    const before = earlier.map((a) => a.result);
    await countCandidateOutcome(manager, candidate, outcomeOf(before), outcomeOf([...before, valid.result]));
    const saved = { ...row, id: Number(identifiers[0]?.id) };
    await tx.emit(certificationAssessedEvent(saved));
    return saved;
  });
  return toCertificationAssessment(recorded);
}

export interface ListFilter {
  unit: string;
  year?: number | null;
  first: number;
  after?: string | null;
}

export async function listAssessments(
  ctx: RequestContext,
  filter: ListFilter & { result?: CertificationResult | null },
): Promise<CertificationAssessmentPage> {
  assertCanRead(ctx.caller, filter.unit);
  const window = pageWindow(filter.first, filter.after);
  const where = {
    unitCode: filter.unit,
    ...(filter.year != null ? { year: validYear('year', filter.year) } : {}),
    ...(filter.result ? { result: filter.result } : {}),
  };
  const repo = ctx.db.dataSource.getRepository(CertificationAssessmentEntity);
  const rows = await repo.find({
    where: { ...where, id: MoreThan(window.afterId) },
    order: { id: 'ASC' },
    take: window.take + 1,
  });
  return toConnection(rows, window, () => repo.count({ where }), toCertificationAssessment);
}

export async function listCandidates(ctx: RequestContext, filter: ListFilter): Promise<CertificationCandidatePage> {
  assertCanRead(ctx.caller, filter.unit);
  const window = pageWindow(filter.first, filter.after);
  const where = { unitCode: filter.unit, ...(filter.year != null ? { year: validYear('year', filter.year) } : {}) };
  const repo = ctx.db.dataSource.getRepository(CertificationCandidateEntity);
  const rows = await repo.find({
    where: { ...where, id: MoreThan(window.afterId) },
    order: { id: 'ASC' },
    take: window.take + 1,
  });
  return toConnection(rows, window, () => repo.count({ where }), toCertificationCandidate);
}

export async function listSessions(ctx: RequestContext, unit: string, year: number): Promise<CertificationSession[]> {
  assertCanRead(ctx.caller, unit);
  const rows = await ctx.db.dataSource
    .getRepository(CertificationSessionEntity)
    .find({ where: { unitCode: unit, year: validYear('year', year) }, order: { startDate: 'ASC', id: 'ASC' } });
  return rows.map(toCertificationSession);
}

/** A candidate's results, oldest first, batched with the other candidates of the request. */
export async function candidateAssessments(
  ctx: RequestContext,
  candidate: CertificationCandidate,
): Promise<CertificationAssessment[]> {
  return (await assessmentsByCandidate(ctx).load(candidate.id)).map(toCertificationAssessment);
}

/** The name in full for the unit itself and admins; masked (first letters) for analysts. */
export function candidateName(ctx: RequestContext, candidate: CertificationCandidate): string {
  return canSeePersonalData(ctx.caller) || ctx.caller.unit === candidate.unitCode
    ? candidate.name
    : maskName(candidate.name);
}

/** The certification summary of a unit's year, batched with every other (unit, year) of the request. */
export async function certificationSummary(
  ctx: RequestContext,
  unitCode: string,
  year: number,
): Promise<CertificationSummary> {
  assertCanRead(ctx.caller, unitCode);
  return certificationSummaryByUnitYear(ctx).load({ unit: unitCode, year: validYear('year', year) });
}
