import { assertCanRead, assertCanWrite, BadInputError, forUpdate, RequestContext } from '@kesos/infra';
import { MoreThan } from 'typeorm';
import { pageWindow, toPage } from '../common/common.helpers';
import { existingUnit, validYear, workAreaPlace, yearOfDate } from '../common/common.validation';
import { AccreditationAssessmentEntity, AccreditationTargetEntity, LksInstitutionEntity } from './accreditation.entity';
import { accreditationDecidedEvent } from './accreditation.events';
import {
  RecordAccreditationInput,
  RegisterLksInstitutionInput,
  SetAccreditationTargetInput,
  validateAccreditation,
  validateInstitution,
  validateTarget,
} from './accreditation.input';
import { AccreditationResult, VALIDITY_YEARS } from './accreditation.type';

export const isAccredited = (result: string): boolean => VALIDITY_YEARS[result as AccreditationResult] != null;

export async function registerInstitution(
  ctx: RequestContext,
  input: RegisterLksInstitutionInput,
): Promise<LksInstitutionEntity> {
  const valid = validateInstitution(input);
  assertCanWrite(ctx.caller, valid.unit);
  return ctx.db.transaction(async ({ manager }) => {
    const unitCode = await existingUnit(manager, 'unit', valid.unit);
    const place = await workAreaPlace(
      manager,
      unitCode,
      { province: 'province', regency: 'regency' },
      input.province,
      input.regency,
    );
    const row = manager.create(LksInstitutionEntity, { unitCode, name: valid.name, kind: valid.kind, ...place });
    const { identifiers } = await manager.insert(LksInstitutionEntity, row);
    return { ...row, id: Number(identifiers[0]?.id) };
  });
}

/** Records the visit and its decision with their event; one assessment per institution per year. */
export async function recordAccreditation(
  ctx: RequestContext,
  input: RecordAccreditationInput,
): Promise<AccreditationAssessmentEntity> {
  const valid = validateAccreditation(input);
  return ctx.db.transaction(async (tx) => {
    const { manager } = tx;
    // Locked first, so a second decision for the same year waits and is then refused as a repeat.
    const institution = await manager.findOne(LksInstitutionEntity, {
      where: { id: valid.institutionId },
      ...forUpdate(manager),
    });
    if (!institution) throw new BadInputError('institutionId', `institution ${valid.institutionId} does not exist`);
    assertCanWrite(ctx.caller, institution.unitCode);
    const year = yearOfDate(valid.visitDate);
    const earlier = await manager.findOneBy(AccreditationAssessmentEntity, { institutionId: institution.id, year });
    if (earlier)
      throw new BadInputError(
        'institutionId',
        `institution ${institution.id} was already assessed in ${year} (assessment ${earlier.id})`,
      );
    const row = manager.create(AccreditationAssessmentEntity, {
      unitCode: institution.unitCode,
      year,
      institutionId: institution.id,
      visitDate: valid.visitDate,
      assessorTeam: valid.assessorTeam,
      result: valid.result,
      decidedOn: valid.decidedOn,
    });
    const { identifiers } = await manager.insert(AccreditationAssessmentEntity, row);
    const saved = { ...row, id: Number(identifiers[0]?.id) };
    await tx.emit(accreditationDecidedEvent(saved));
    return saved;
  });
}

export async function setTarget(
  ctx: RequestContext,
  input: SetAccreditationTargetInput,
): Promise<AccreditationTargetEntity> {
  const valid = validateTarget(input);
  assertCanWrite(ctx.caller, valid.unit);
  return ctx.db.transaction(async ({ manager }) => {
    const unitCode = await existingUnit(manager, 'unit', valid.unit);
    const row = { unitCode, year: valid.year, institutions: valid.institutions };
    await manager.upsert(AccreditationTargetEntity, row, ['unitCode', 'year']);
    return row;
  });
}

interface ListFilter {
  unit: string;
  first: number;
  after?: string | null;
}

export async function listAccreditations(
  ctx: RequestContext,
  filter: ListFilter & { year?: number | null; result?: AccreditationResult | null },
) {
  assertCanRead(ctx.caller, filter.unit);
  const window = pageWindow(filter.first, filter.after);
  const where = {
    unitCode: filter.unit,
    ...(filter.year != null ? { year: validYear('year', filter.year) } : {}),
    ...(filter.result ? { result: filter.result } : {}),
  };
  const repo = ctx.db.dataSource.getRepository(AccreditationAssessmentEntity);
  const rows = await repo.find({
    where: { ...where, id: MoreThan(window.afterId) },
    order: { id: 'ASC' },
    take: window.take + 1,
  });
  return toPage(rows, window);
}

export async function listInstitutions(ctx: RequestContext, filter: ListFilter) {
  assertCanRead(ctx.caller, filter.unit);
  const window = pageWindow(filter.first, filter.after);
  const repo = ctx.db.dataSource.getRepository(LksInstitutionEntity);
  const where = { unitCode: filter.unit };
  const rows = await repo.find({
    where: { ...where, id: MoreThan(window.afterId) },
    order: { id: 'ASC' },
    take: window.take + 1,
  });
  return toPage(rows, window);
}
