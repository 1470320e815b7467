import { BadInputError, ForbiddenError, RequestContext } from '@kesos/infra';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { assertKnownUnit, assertYear } from '../unit/unit.service';
import { SakipEvaluationEntity } from './sakip.entity';
import { RecordSakipEvaluationInput, validateSakip } from './sakip.input';
import { competitionRanks, sakipCategory } from './sakip.service';
import { SakipEvaluation } from './sakip.type';

function finalRounds(rows: SakipEvaluationEntity[]): Map<string, number> {
  const final = new Map<string, number>();
  for (const r of rows) final.set(r.unitCode, Math.max(final.get(r.unitCode) ?? 0, r.round));
  return final;
}

function ranked(rows: SakipEvaluationEntity[], finalRound: Map<string, number>): SakipEvaluation[] {
  const sorted = [...rows].sort((a, b) => b.score - a.score || a.unitCode.localeCompare(b.unitCode));
  const ranks = competitionRanks(sorted.map((r) => r.score));
  return sorted.map((r, i) => ({
    unit: { code: r.unitCode },
    year: r.year,
    round: r.round,
    roundLabel: r.roundLabel,
    final: finalRound.get(r.unitCode) === r.round,
    score: r.score,
    category: sakipCategory(r.score),
    rank: ranks[i]!,
    source: r.source,
  }));
}

@Resolver()
export class SakipResolver {
  @Query(() => [SakipEvaluation], {
    description:
      "SAKIP evaluations of every unit for a performance year, best first (peringkat SAKIP). Uses each unit's final round unless a round is given. Scores are published by the inspectorate, so every signed-in caller may read them",
  })
  async sakipEvaluations(
    @Arg('year', () => Int, { description: 'Performance year evaluated' }) year: number,
    @Arg('round', () => Int, {
      nullable: true,
      description: "A specific round (1 = first); default: each unit's final round",
    })
    round: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SakipEvaluation[]> {
    const rows = await ctx.db.dataSource.getRepository(SakipEvaluationEntity).find({ where: { year } });
    const finalRound = finalRounds(rows);
    const chosen = rows.filter((r) => (round ? r.round === round : finalRound.get(r.unitCode) === r.round));
    return ranked(chosen, finalRound);
  }

  @Mutation(() => SakipEvaluation, {
    description:
      'Records a SAKIP evaluation score of a registered unit (admin only: the scores come from the inspectorate)',
  })
  async recordSakipEvaluation(
    @Arg('input', { description: 'The evaluation' }) input: RecordSakipEvaluationInput,
    @Ctx() ctx: RequestContext,
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
      });
      await tx.manager.insert(SakipEvaluationEntity, entity);
      return entity;
    });
    const ofYear = await ctx.db.dataSource.getRepository(SakipEvaluationEntity).find({ where: { year: input.year } });
    return ranked(
      ofYear.filter((r) => r.round === row.round),
      finalRounds(ofYear),
    ).find((e) => e.unit.code === row.unitCode)!;
  }
}
