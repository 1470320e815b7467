import type { SakipEvaluationEntity } from './sakip.entity';
import { sakipCategory } from './sakip.rules';
import type { SakipEvaluation } from './sakip.type';

/** An evaluation with its place among the units listed and whether its round is the unit's final one. */
export function toSakipEvaluation(r: SakipEvaluationEntity, rank: number, final: boolean): SakipEvaluation {
  return {
    unit: { code: r.unitCode },
    year: r.year,
    round: r.round,
    roundLabel: r.roundLabel,
    final,
    score: r.score,
    category: sakipCategory(r.score),
    rank,
    source: r.source,
    provenance: r.provenance,
  };
}
