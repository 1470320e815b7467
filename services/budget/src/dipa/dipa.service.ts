import type { RequestContext } from '@kesos/infra';
import { assertCanWrite, BadInputError, canRead, forUpdate, lockedForUpdate, provenanceOfWrite } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { AccountEntity } from '../account/account.entity';
import { OutputTargetEntity } from '../line/line.entity';
import { writeDipaStructure } from '../line/line.service';
import { LineChangeEntity, RevisionEntity } from '../revision/revision.entity';
import { toBudgetRevision } from '../revision/revision.mapper';
import type { BudgetRevision } from '../revision/revision.type';
import { SatkerEntity } from '../satker/satker.entity';
import { applyBudgetStatsDeltas } from '../stats/stats.service';
import { DipaEntity } from './dipa.entity';
import type { OpenDipaInput } from './dipa.input';
import { validateOpenDipa } from './dipa.input';

/**
 * Records a satker's initial DIPA for a year (revision 0) with its hierarchy and line ceilings,
 * and the satker itself when it is new. Everything later is a revision (recordBudgetRevision):
 * a year has one DIPA per satker, so opening it twice is refused.
 */
export async function openDipa(ctx: RequestContext, raw: OpenDipaInput): Promise<BudgetRevision> {
  const input = validateOpenDipa(raw);
  assertCanWrite(ctx.caller, input.unit);
  const provenance = provenanceOfWrite(ctx.caller, input.provenance);
  return ctx.db.transaction(async ({ manager: m }) => {
    // The satker row is locked first, so a second opening of the same DIPA waits and then sees the
    // first one (and a transfer closing the satker cannot slip between the check and the insert).
    const satker = await m.findOne(SatkerEntity, { where: { code: input.satkerCode }, ...forUpdate(m) });
    if (satker) {
      if (satker.unitCode !== input.unit) {
        // The holder is named only to a caller who may read it (an admin); an operator learns just "not yours".
        const holder = canRead(ctx.caller, satker.unitCode) ? `; it belongs to unit ${satker.unitCode}` : '';
        throw new BadInputError('satkerCode', `satker ${satker.code} is not a satker of ${input.unit}${holder}`);
      }
      if (input.newSatker)
        throw new BadInputError(
          'newSatker',
          `satker ${satker.code} is already recorded as "${satker.name}"; leave newSatker out`,
        );
      if (satker.closedOn && satker.closedOn < input.date)
        throw new BadInputError(
          'satkerCode',
          `satker ${satker.code} was closed on ${satker.closedOn}; it takes no new DIPA`,
        );
    } else {
      if (!input.newSatker)
        throw new BadInputError(
          'satkerCode',
          `satker ${input.satkerCode} is not recorded; give newSatker (name and organisation) to record it with this DIPA`,
        );
      await m.insert(SatkerEntity, {
        code: input.satkerCode,
        unitCode: input.unit,
        name: input.newSatker.name,
        organisation: input.newSatker.organisation,
        closedOn: null,
      });
    }
    if (await m.existsBy(DipaEntity, { satkerCode: input.satkerCode, year: input.year })) {
      throw new BadInputError(
        'year',
        `satker ${input.satkerCode} already has a DIPA for ${input.year}; change it with recordBudgetRevision`,
      );
    }

    const accountCodes = [...new Set(input.lines.map((l) => l.accountCode))];
    const known = new Set((await m.findBy(AccountEntity, { code: In(accountCodes) })).map((a) => a.code));
    const unknown = accountCodes.filter((c) => !known.has(c));
    if (unknown.length)
      throw new BadInputError(
        'lines.accountCode',
        `account(s) ${unknown.join(', ')} are not in the chart of accounts (bagan akun standar)`,
      );

    const dipa = m.create(DipaEntity, { satkerCode: input.satkerCode, year: input.year, provenance });
    await m.insert(DipaEntity, dipa);
    const revision = m.create(RevisionEntity, {
      dipaId: dipa.id,
      number: 0,
      authority: input.authority,
      date: input.date,
      description: input.description,
      provenance,
    });
    await m.insert(RevisionEntity, revision);
    const { outputIds, lineIds } = await writeDipaStructure(m, dipa.id, {
      programmes: input.programmes,
      lines: input.lines.map((l) => ({
        output: l.outputCode ?? null,
        component: l.componentCode ?? null,
        componentName: l.componentName ?? null,
        account: l.accountCode,
        goal: l.goalCode ?? null,
        provenance,
      })),
    });
    const outputs = input.programmes.flatMap((p) => p.activities.flatMap((a) => a.outputs));
    if (outputs.length)
      await m.insert(
        OutputTargetEntity,
        outputs.map((o) => ({
          outputId: outputIds.get(o.code)!,
          revisionId: revision.id,
          volumeTarget: o.volumeTarget,
          provenance,
        })),
      );
    await m.insert(
      LineChangeEntity,
      input.lines.map((l, i) => ({
        revisionId: revision.id,
        lineId: lineIds[i],
        ceilingChange: l.ceiling,
        blockedChange: l.blocked ?? 0,
        provenance,
      })),
    );
    await applyBudgetStatsDeltas(
      m,
      input.lines.map((l, i) => ({ lineId: lineIds[i], month: 0, ceiling: l.ceiling, realized: 0, provenance })),
    );

    const ceiling = input.lines.reduce((s, l) => s + l.ceiling, 0);
    return toBudgetRevision(revision, { ceilingChange: ceiling, ceilingAfter: ceiling });
  });
}

/** The DIPA of a satker for a year with its satker, locked for the rest of the transaction (MariaDB). */
export async function lockDipa(
  manager: EntityManager,
  satkerCode: string,
  year: number,
  field = '',
): Promise<{ dipa: DipaEntity; satker: SatkerEntity }> {
  return (await lockDipas(manager, [{ satkerCode, field }], year))[0];
}

/**
 * Locks the DIPAs of several satkers for a year (a transfer's giver and receiver), answered in
 * the order asked. Locks are taken in satker-code order, so two transfers between the same
 * satkers in opposite directions queue instead of deadlocking; and before anything else is
 * read, so every check after them sees what the previous holder committed.
 */
export async function lockDipas(
  manager: EntityManager,
  sides: { satkerCode: string; field: string }[],
  year: number,
): Promise<{ dipa: DipaEntity; satker: SatkerEntity }[]> {
  const dipas = new Map<string, DipaEntity | null>();
  for (const code of [...new Set(sides.map((s) => s.satkerCode))].sort()) {
    const qb = manager
      .createQueryBuilder(DipaEntity, 'd')
      .where('d.satkerCode = :code AND d.year = :year', { code, year });
    dipas.set(code, await lockedForUpdate(manager, qb).getOne());
  }
  const locked: { dipa: DipaEntity; satker: SatkerEntity }[] = [];
  for (const { satkerCode, field } of sides) {
    const satker = await manager.findOneBy(SatkerEntity, { code: satkerCode });
    if (!satker) throw new BadInputError(`${field}satkerCode`, `satker ${satkerCode} is not recorded`);
    const dipa = dipas.get(satkerCode);
    if (!dipa) throw new BadInputError(`${field}year`, `satker ${satkerCode} has no DIPA for ${year}`);
    locked.push({ dipa, satker });
  }
  return locked;
}
