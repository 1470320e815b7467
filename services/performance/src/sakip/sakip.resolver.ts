import { RequestContext } from '@kesos/infra';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { RecordSakipEvaluationInput } from './sakip.input';
import { recordSakipEvaluation, sakipEvaluations } from './sakip.service';
import { SakipEvaluation } from './sakip.type';

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
    return sakipEvaluations(ctx, year, round);
  }

  @Mutation(() => SakipEvaluation, {
    description:
      'Records a SAKIP evaluation score of a registered unit (admin only: the scores come from the inspectorate)',
  })
  async recordSakipEvaluation(
    @Arg('input', { description: 'The evaluation' }) input: RecordSakipEvaluationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SakipEvaluation> {
    return recordSakipEvaluation(ctx, input);
  }
}
