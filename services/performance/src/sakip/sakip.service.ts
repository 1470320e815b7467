import type { RequestContext } from '@kesos/infra';
import { BadInputError, ForbiddenError, Provenance } from '@kesos/infra';
import { assertKnownUnit, assertYear } from '../unit/unit.service';
import { SakipEvaluationEntity } from './sakip.entity';
import type { RecordSakipEvaluationInput } from './sakip.input';
import { validateSakip } from './sakip.input';
import { toSakipEvaluation } from './sakip.mapper';
import type { SakipEvaluation } from './sakip.type';
import { competitionRanks } from './sakip.rules';

export * from './sakip.rules';

function finalRounds(rows: SakipEvaluationEntity[]): Map<string, number> {
  const final = new Map<string, number>();
  for (const r of rows) final.set(r.unitCode, Math.max(final.get(r.unitCode) ?? 0, r.round));
  return final;
}

/** Best first; equal scores share a rank and are listed by unit code. */
function ranked(rows: SakipEvaluationEntity[], finalRound: Map<string, number>): SakipEvaluation[] {
  const sorted = [...rows].sort((a, b) => b.score - a.score || a.unitCode.localeCompare(b.unitCode));
  const ranks = competitionRanks(sorted.map((r) => r.score));
  return sorted.map((r, i) => toSakipEvaluation(r, ranks[i], finalRound.get(r.unitCode) === r.round));
}

/**
 * Every unit's evaluation of a performance year, ranked: each unit's final round, or the round
 * asked for. Published scores, so any signed-in caller may read them.
 */
export async function sakipEvaluations(
  ctx: RequestContext,
  year: number,
  round: number | null,
): Promise<SakipEvaluation[]> {
  const rows = await ctx.db.dataSource.getRepository(SakipEvaluationEntity).find({ where: { year } });
  const finalRound = finalRounds(rows);
  const chosen = rows.filter((r) => (round ? r.round === round : finalRound.get(r.unitCode) === r.round));
  return ranked(chosen, finalRound);
}

/** Records one round's score of a registered unit (admin only) and answers it ranked among that round's scores. */
export async function recordSakipEvaluation(
  ctx: RequestContext,
  input: RecordSakipEvaluationInput,
): Promise<SakipEvaluation> {
  if (ctx.caller.role !== 'admin') throw new ForbiddenError('only an admin records SAKIP evaluations');
  assertYear(input.year);
  validateSakip(input);
  const row = await ctx.db.transaction(async (tx) => {
    await assertKnownUnit(tx.manager, input.unitCode);
    if (
      await tx.manager.findOneBy(SakipEvaluationEntity, {
        unitCode: input.unitCode,
        year: input.year,
        round: input.round,
      })
    ) {
      throw new BadInputError(
        'round',
        `round ${input.round} of ${input.year} is already recorded for ${input.unitCode}`,
      );
    }
    const entity = tx.manager.create(SakipEvaluationEntity, {
      ...input,
      roundLabel: input.roundLabel.trim(),
      source: input.source?.trim() || null,
      enteredBy: ctx.caller.subject,
      enteredAt: new Date(),
      provenance: Provenance.OPERATIONAL,
    });
    await tx.manager.insert(SakipEvaluationEntity, entity);
    return entity;
  });
  const ofYear = await ctx.db.dataSource.getRepository(SakipEvaluationEntity).find({ where: { year: input.year } });
  const evaluation = ranked(
    ofYear.filter((r) => r.round === row.round),
    finalRounds(ofYear),
  ).find((e) => e.unit.code === row.unitCode);
  if (!evaluation) throw new Error(`the SAKIP evaluation of ${row.unitCode} was recorded but cannot be read back`);
  return evaluation;
}
