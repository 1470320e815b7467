import type { Caller, RequestContext } from '@kesos/infra';
import { assertCanWrite, BadInputError, Provenance } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { AccountEntity } from '../account/account.entity';
import { BudgetLineEntity, OutputEntity, OutputTargetEntity } from '../line/line.entity';
import { insertLines, lineBalances, lockLines } from '../line/line.service';
import { lockDipa } from '../dipa/dipa.service';
import { applyBudgetStatsDeltas, type BudgetStatsDelta } from '../stats/stats.service';
import { LineChangeEntity, RevisionEntity } from './revision.entity';
import type { RecordRevisionInput } from './revision.input';
import { validateRevision } from './revision.input';
import { toBudgetRevision } from './revision.mapper';
import type { BudgetRevision } from './revision.type';

const rp = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;

/**
 * Appends the next revision of a DIPA. History is never edited: the number is always the next
 * one, the date may not go back before the previous revision, and every change names a line
 * of this DIPA. A line may not end below what it has already spent, nor block more than it holds.
 */
export async function recordRevision(ctx: RequestContext, raw: RecordRevisionInput): Promise<BudgetRevision> {
  const input = validateRevision(raw);
  return ctx.db.transaction(({ manager }) => appendRevision(manager, ctx.caller, input));
}

/** The revision itself, inside the caller's transaction (a transfer appends two); `field` prefixes error fields. */
export async function appendRevision(
  manager: EntityManager,
  caller: Caller,
  input: RecordRevisionInput,
  field = '',
): Promise<BudgetRevision> {
  const { dipa, satker } = await lockDipa(manager, input.satkerCode, input.year, field);
  assertCanWrite(caller, satker.unitCode);
  if (satker.closedOn && input.date > satker.closedOn)
    throw new BadInputError(
      `${field}date`,
      `satker ${satker.code} was closed on ${satker.closedOn}; it takes no revisions after that`,
    );
  const previous = await manager.findOne(RevisionEntity, { where: { dipaId: dipa.id }, order: { number: 'DESC' } });
  if (previous && input.date < previous.date) {
    throw new BadInputError(
      `${field}date`,
      `revision date ${input.date} is before revision ${previous.number} of ${previous.date}; revisions are recorded in order, so correct a mistake with a later revision`,
    );
  }
  const lineIds = input.changes.map((c) => Number(c.lineId));
  if (lineIds.some((id) => !Number.isSafeInteger(id)))
    throw new BadInputError(`${field}changes.lineId`, 'line ids are whole numbers, as in SatkerBudget.lines.id');
  const lines = await lockLines(manager, lineIds);
  const known = new Set(lines.filter((l) => l.dipaId === dipa.id).map((l) => l.id));
  const missing = lineIds.filter((id) => !known.has(id));
  if (missing.length)
    throw new BadInputError(
      `${field}changes.lineId`,
      `line(s) ${missing.join(', ')} are not lines of satker ${satker.code}'s ${input.year} DIPA`,
    );
  const balances = await lineBalances(manager, lineIds);
  for (const c of input.changes) {
    const b = balances.get(Number(c.lineId))!;
    const ceiling = b.ceiling + c.ceilingChange;
    const blocked = b.blocked + (c.blockedChange ?? 0);
    if (ceiling < b.realized)
      throw new BadInputError(
        `${field}changes.ceilingChange`,
        `line ${c.lineId} would fall to ${rp(ceiling)}, below the ${rp(b.realized)} already spent`,
      );
    if (blocked < 0 || blocked > ceiling)
      throw new BadInputError(
        `${field}changes.blockedChange`,
        `line ${c.lineId} would have ${rp(blocked)} blocked out of a ceiling of ${rp(ceiling)}`,
      );
  }
  const outputs = input.outputTargets?.length
    ? await manager.findBy(OutputEntity, { dipaId: dipa.id, code: In(input.outputTargets.map((t) => t.outputCode)) })
    : [];
  for (const t of input.outputTargets ?? []) {
    if (!outputs.some((o) => o.code === t.outputCode))
      throw new BadInputError(
        `${field}outputTargets.outputCode`,
        `output ${t.outputCode} is not in satker ${satker.code}'s ${input.year} DIPA`,
      );
  }
  const newLines = input.newLines ?? [];
  const dipaOutputs = newLines.length ? await manager.findBy(OutputEntity, { dipaId: dipa.id }) : [];
  const outputIds = new Map(dipaOutputs.map((o) => [o.code, o.id]));
  if (newLines.length) {
    const existing = await manager.findBy(BudgetLineEntity, { dipaId: dipa.id });
    const accounts = new Set(
      (await manager.findBy(AccountEntity, { code: In(newLines.map((l) => l.accountCode)) })).map((a) => a.code),
    );
    for (const l of newLines) {
      if (!accounts.has(l.accountCode))
        throw new BadInputError(
          `${field}newLines.accountCode`,
          `account ${l.accountCode} is not in the chart of accounts (bagan akun standar)`,
        );
      const outputId = l.outputCode ? outputIds.get(l.outputCode) : null;
      if (outputId === undefined)
        throw new BadInputError(
          `${field}newLines.outputCode`,
          `output ${l.outputCode} is not in satker ${satker.code}'s ${input.year} DIPA`,
        );
      if (
        existing.some(
          (e) =>
            e.outputId === outputId && e.componentCode === (l.componentCode ?? null) && e.accountCode === l.accountCode,
        )
      ) {
        throw new BadInputError(
          `${field}newLines`,
          `the DIPA already has account ${l.accountCode}${l.outputCode ? ` under ${l.outputCode} component ${l.componentCode}` : ''}; change that line instead`,
        );
      }
    }
  }

  const number = previous ? previous.number + 1 : 0;
  const revision = manager.create(RevisionEntity, {
    dipaId: dipa.id,
    number,
    authority: input.authority,
    date: input.date,
    description: input.description,
    provenance: Provenance.OPERATIONAL,
  });
  await manager.insert(RevisionEntity, revision);
  const rollup: BudgetStatsDelta[] = input.changes.map((c) => ({
    lineId: Number(c.lineId),
    month: 0,
    ceiling: c.ceilingChange,
    realized: 0,
    provenance: Provenance.OPERATIONAL,
  }));
  if (input.changes.length) {
    await manager.insert(
      LineChangeEntity,
      input.changes.map((c) => ({
        revisionId: revision.id,
        lineId: Number(c.lineId),
        ceilingChange: c.ceilingChange,
        blockedChange: c.blockedChange ?? 0,
        provenance: Provenance.OPERATIONAL,
      })),
    );
  }
  if (newLines.length) {
    const ids = await insertLines(
      manager,
      dipa.id,
      outputIds,
      newLines.map((l) => ({
        output: l.outputCode ?? null,
        component: l.componentCode ?? null,
        componentName: l.componentName ?? null,
        account: l.accountCode,
        goal: l.goalCode ?? null,
      })),
    );
    await manager.insert(
      LineChangeEntity,
      newLines.map((l, i) => ({
        revisionId: revision.id,
        lineId: ids[i],
        ceilingChange: l.ceiling,
        blockedChange: l.blocked ?? 0,
        provenance: Provenance.OPERATIONAL,
      })),
    );
    rollup.push(
      ...newLines.map((l, i) => ({
        lineId: ids[i],
        month: 0,
        ceiling: l.ceiling,
        realized: 0,
        provenance: Provenance.OPERATIONAL,
      })),
    );
  }
  await applyBudgetStatsDeltas(manager, rollup);
  if (outputs.length) {
    await manager.insert(
      OutputTargetEntity,
      (input.outputTargets ?? []).map((t) => ({
        outputId: outputs.find((o) => o.code === t.outputCode)!.id,
        revisionId: revision.id,
        volumeTarget: t.volumeTarget,
        provenance: Provenance.OPERATIONAL,
      })),
    );
  }
  const allLines = await manager.findBy(BudgetLineEntity, { dipaId: dipa.id });
  const after = await lineBalances(
    manager,
    allLines.map((l) => l.id),
  );
  const ceilingAfter = [...after.values()].reduce((s, b) => s + b.ceiling, 0);
  const ceilingChange =
    input.changes.reduce((s, c) => s + c.ceilingChange, 0) + newLines.reduce((s, l) => s + l.ceiling, 0);
  return toBudgetRevision(revision, { ceilingChange, ceilingAfter });
}
