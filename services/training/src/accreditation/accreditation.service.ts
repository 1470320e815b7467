import type { RequestContext } from '@kesos/infra';
import { assertCanRead, assertCanWrite, BadInputError, forUpdate, pageWindow, toConnection } from '@kesos/infra';
import { MoreThan } from 'typeorm';
import { countAccreditation } from '../accreditation-stats/accreditation-stats.service';
import { existingUnit, validYear, workAreaPlace, yearOfDate } from '../common/common.validation';
import { AccreditationAssessmentEntity, AccreditationTargetEntity, LksInstitutionEntity } from './accreditation.entity';
import { accreditationDecidedEvent } from './accreditation.events';
import type {
  RecordAccreditationInput,
  RegisterLksInstitutionInput,
  SetAccreditationTargetInput,
} from './accreditation.input';
import { validateAccreditation, validateInstitution, validateTarget } from './accreditation.input';
import { accreditationSummaryByUnitYear } from './accreditation.loader';
import { toAccreditationAssessment, toAccreditationTarget, toLksInstitution } from './accreditation.mapper';
import type {
  AccreditationAssessment,
  AccreditationAssessmentPage,
  AccreditationResult,
  AccreditationSummary,
  AccreditationTarget,
  LksInstitution,
  LksInstitutionPage,
} from './accreditation.type';
import { VALIDITY_YEARS } from './accreditation.type';
import { writtenProvenance } from '../common/common.provenance';

export const isAccredited = (result: AccreditationResult): boolean => VALIDITY_YEARS[result] != null;

export async function registerInstitution(
  ctx: RequestContext,
  input: RegisterLksInstitutionInput,
): Promise<LksInstitution> {
  const valid = validateInstitution(input);
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
    const row = manager.create(LksInstitutionEntity, {
      unitCode,
      name: valid.name,
      kind: valid.kind,
      ...place,
      provenance,
    });
    const { identifiers } = await manager.insert(LksInstitutionEntity, row);
    return { ...row, id: Number(identifiers[0]?.id) };
  });
  return toLksInstitution(saved);
}

/** Records the visit and its decision with their event; one assessment per institution per year. */
export async function recordAccreditation(
  ctx: RequestContext,
  input: RecordAccreditationInput,
): Promise<AccreditationAssessment> {
  const valid = validateAccreditation(input);
  const provenance = writtenProvenance(ctx.caller, input.provenance);
  const recorded = await ctx.db.transaction(async (tx) => {
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
      provenance,
    });
    const { identifiers } = await manager.insert(AccreditationAssessmentEntity, row);
    await countAccreditation(manager, {
      unitCode: row.unitCode,
      year,
      kind: institution.kind,
      result: row.result,
      provenance: row.provenance,
    });
    const saved = { ...row, id: Number(identifiers[0]?.id) };
    await tx.emit(accreditationDecidedEvent(saved));
    return saved;
  });
  return toAccreditationAssessment(recorded);
}

export async function setTarget(ctx: RequestContext, input: SetAccreditationTargetInput): Promise<AccreditationTarget> {
  const valid = validateTarget(input);
  assertCanWrite(ctx.caller, valid.unit);
  const saved = await ctx.db.transaction(async ({ manager }) => {
    const unitCode = await existingUnit(manager, 'unit', valid.unit);
    const row: AccreditationTargetEntity = { unitCode, year: valid.year, institutions: valid.institutions };
    await manager.upsert(AccreditationTargetEntity, row, ['unitCode', 'year']);
    return row;
  });
  return toAccreditationTarget(saved);
}

interface ListFilter {
  unit: string;
  first: number;
  after?: string | null;
}

export async function listAccreditations(
  ctx: RequestContext,
  filter: ListFilter & { year?: number | null; result?: AccreditationResult | null },
): Promise<AccreditationAssessmentPage> {
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
  return toConnection(rows, window, () => repo.count({ where }), toAccreditationAssessment);
}

export async function listInstitutions(ctx: RequestContext, filter: ListFilter): Promise<LksInstitutionPage> {
  assertCanRead(ctx.caller, filter.unit);
  const window = pageWindow(filter.first, filter.after);
  const repo = ctx.db.dataSource.getRepository(LksInstitutionEntity);
  const where = { unitCode: filter.unit };
  const rows = await repo.find({
    where: { ...where, id: MoreThan(window.afterId) },
    order: { id: 'ASC' },
    take: window.take + 1,
  });
  return toConnection(rows, window, () => repo.count({ where }), toLksInstitution);
}

/** The accreditation summary of a unit's year, batched with every other (unit, year) of the request. */
export async function accreditationSummary(
  ctx: RequestContext,
  unitCode: string,
  year: number,
): Promise<AccreditationSummary> {
  assertCanRead(ctx.caller, unitCode);
  return accreditationSummaryByUnitYear(ctx).load({ unit: unitCode, year: validYear('year', year) });
}
