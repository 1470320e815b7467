import type { RequestContext } from '@kesos/infra';
import {
  assertCanRead,
  assertCanWrite,
  BadInputError,
  ConflictError,
  forUpdate,
  pageWindow,
  toConnection,
} from '@kesos/infra';
import { MoreThan } from 'typeorm';
import { countAtensiCase } from '../atensi-stats/atensi-stats.service';
import { existingUnit, validYear, workAreaPlace, yearOfDate } from '../common/common.validation';
import { AtensiCaseEntity } from './atensi.entity';
import { atensiCaseClosedEvent } from './atensi.events';
import type { CloseAtensiCaseInput, OpenAtensiCaseInput } from './atensi.input';
import { validateClose, validateOpen } from './atensi.input';
import { atensiSummaryByUnitYear } from './atensi.loader';
import { toAtensiCase } from './atensi.mapper';
import type { AtensiCase, AtensiCasePage, AtensiServiceType, AtensiSummary } from './atensi.type';
import { AtensiCaseStatus } from './atensi.type';
import { writtenProvenance } from '../common/common.provenance';

export async function openCase(ctx: RequestContext, input: OpenAtensiCaseInput): Promise<AtensiCase> {
  const valid = validateOpen(input);
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
    const row = manager.create(AtensiCaseEntity, {
      unitCode,
      year: yearOfDate(valid.receivedOn),
      serviceType: valid.serviceType,
      receivedOn: valid.receivedOn,
      ...place,
      description: valid.description,
      status: AtensiCaseStatus.OPEN,
      closedOn: null,
      served: null,
      peopleServed: null,
      provenance,
    });
    const { identifiers } = await manager.insert(AtensiCaseEntity, row);
    await countAtensiCase(manager, [{ fact: row, sign: 1 }]);
    return { ...row, id: Number(identifiers[0]?.id) };
  });
  return toAtensiCase(saved);
}

/** OPEN -> CLOSED, once; the closing and its event commit together. */
export async function closeCase(ctx: RequestContext, input: CloseAtensiCaseInput): Promise<AtensiCase> {
  const valid = validateClose(input);
  const saved = await ctx.db.transaction(async (tx) => {
    const found = await tx.manager.findOne(AtensiCaseEntity, { where: { id: valid.caseId }, ...forUpdate(tx.manager) });
    if (!found) throw new BadInputError('caseId', `case ${valid.caseId} does not exist`);
    assertCanWrite(ctx.caller, found.unitCode);
    if (found.status !== AtensiCaseStatus.OPEN)
      throw new BadInputError('caseId', `case ${found.id} was already closed on ${found.closedOn}`);
    if (valid.closedOn < found.receivedOn)
      throw new BadInputError(
        'closedOn',
        `closedOn must be on or after the day the case was received, ${found.receivedOn}`,
      );
    const change = {
      status: AtensiCaseStatus.CLOSED,
      closedOn: valid.closedOn,
      served: valid.served,
      peopleServed: valid.peopleServed,
    };
    // The status condition makes a concurrent second close update nothing instead of closing twice.
    const { affected } = await tx.manager.update(
      AtensiCaseEntity,
      { id: found.id, status: AtensiCaseStatus.OPEN },
      change,
    );
    if (affected === 0) throw new ConflictError(`case ${found.id} was closed meanwhile`);
    const closed = { ...found, ...change };
    await countAtensiCase(tx.manager, [
      { fact: found, sign: -1 },
      { fact: closed, sign: 1 },
    ]);
    await tx.emit(atensiCaseClosedEvent(closed));
    return closed;
  });
  return toAtensiCase(saved);
}

export async function listCases(
  ctx: RequestContext,
  filter: {
    unit: string;
    year?: number | null;
    serviceType?: AtensiServiceType | null;
    status?: AtensiCaseStatus | null;
    first: number;
    after?: string | null;
  },
): Promise<AtensiCasePage> {
  assertCanRead(ctx.caller, filter.unit);
  const window = pageWindow(filter.first, filter.after);
  const where = {
    unitCode: filter.unit,
    ...(filter.year != null ? { year: validYear('year', filter.year) } : {}),
    ...(filter.serviceType ? { serviceType: filter.serviceType } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
  const repo = ctx.db.dataSource.getRepository(AtensiCaseEntity);
  const rows = await repo.find({
    where: { ...where, id: MoreThan(window.afterId) },
    order: { id: 'ASC' },
    take: window.take + 1,
  });
  return toConnection(rows, window, () => repo.count({ where }), toAtensiCase);
}

/** The ATENSI summary of a unit's year, batched with every other (unit, year) of the request. */
export async function atensiSummary(ctx: RequestContext, unitCode: string, year: number): Promise<AtensiSummary> {
  assertCanRead(ctx.caller, unitCode);
  return atensiSummaryByUnitYear(ctx).load({ unit: unitCode, year: validYear('year', year) });
}
