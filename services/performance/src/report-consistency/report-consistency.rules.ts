/** What the performance subgraph derives for a report's figures: pure rules over a unit's goals and survey. */
import { type Derivation, percentage, plain, roundHalfUp } from '@kesos/infra';
import { Metric } from '../plan/plan.type';
import type { Goal, IndicatorResult } from '../performance/performance.type';
import { RealizationSource } from '../performance/performance.type';
import type { SatisfactionSurvey } from '../survey/survey.type';

export interface ReportRecords {
  year: number;
  /** The goals of the year and of the year before, as Unit.performance answers them. */
  goals: Goal[];
  previousGoals: Goal[];
  survey: SatisfactionSurvey | null;
}

const ACHIEVEMENT_RULE =
  'realisation / target x 100 (higher is better), rounded half-up to 2 decimals, from the derived realisation';

function realizationRule(i: IndicatorResult): string {
  if (i.realizationSource === RealizationSource.ENTERED)
    return `entered by ${i.enteredBy ?? 'unknown'}: ${i.entryNote ?? ''}`.trim();
  if (i.numerator !== null && i.denominator !== null)
    return `${i.metric} records: ${i.numerator} / ${i.denominator} x 100, rounded half-up to 2 decimals`;
  return `derived from ${i.metric} records`;
}

function indicatorDerivations(year: number, goals: Goal[], out: Map<string, Derivation>): void {
  for (const goal of goals) {
    out.set(`${goal.code}.${year}.achievement`, {
      value: plain(goal.achievement),
      rule: "mean of the goal's indicator achievements, rounded half-up to 2 decimals",
    });
    for (const i of goal.indicators) {
      const at = `${i.code}.${year}`;
      out.set(`${at}.target`, { value: plain(i.target), rule: 'target of the plan for the year (target Renstra/PK)' });
      out.set(`${at}.realization`, { value: plain(i.realization), rule: realizationRule(i) });
      out.set(`${at}.achievement`, { value: plain(i.achievement), rule: ACHIEVEMENT_RULE });
      out.set(`${at}.overTarget`, {
        value: plain(i.achievement === null ? null : roundHalfUp(i.achievement - 100, 2)),
        rule: 'achievement - 100: how far the realisation is over its target, in percent of the target',
      });
      out.set(`${at}.numerator`, { value: plain(i.numerator), rule: `numerator of ${i.code} counted from records` });
      out.set(`${at}.denominator`, {
        value: plain(i.denominator),
        rule: `denominator of ${i.code} counted from records`,
      });
    }
  }
}

/**
 * Every figure the performance subgraph can derive for a unit's year, by measure key (the
 * catalogue's `measure` or `key`): indicator and goal figures of the year and the year before,
 * the plan's size, and the satisfaction survey.
 */
export function performanceDerivations(r: ReportRecords): Map<string, Derivation> {
  const out = new Map<string, Derivation>();
  indicatorDerivations(r.year, r.goals, out);
  indicatorDerivations(r.year - 1, r.previousGoals, out);
  out.set('plan.goals', { value: plain(r.goals.length), rule: 'goals (sasaran kegiatan) of the plan for the year' });
  out.set('plan.indicators', {
    value: plain(r.goals.reduce((n, g) => n + g.indicators.length, 0)),
    rule: 'indicators (indikator kinerja) of those goals',
  });
  const s = r.survey;
  const index = s ? plain(s.index) : null;
  out.set('survey.index', {
    value: index,
    rule: 'Permenpan RB 14/2017: sum over the 9 elements of NRR x 1/9, x 25, in exact fractions, rounded half-up to 2 decimals',
  });
  out.set('survey.formula', {
    value: index,
    rule: 'Permenpan RB 14/2017: IKM = sum of (NRR per element x 1/9) x 25',
    reinterpreted:
      "The printed formula divides the sum of NRR by a 'Jumlah NRR Tertimbang'; Permenpan RB 14/2017, which the graph follows, weighs each element's NRR by 1/9 and converts x 25",
  });
  out.set('survey.respondents', {
    value: s ? plain(s.respondents) : null,
    rule: 'survey responses recorded for the year',
  });
  for (const g of s?.byGender ?? [])
    out.set(`survey.gender.${g.key}`, { value: plain(g.count), rule: `respondents recorded as ${g.key}` });
  for (const e of s?.byEducation ?? [])
    out.set(`survey.education.${e.key}`, {
      value: plain(e.count),
      rule: `respondents recorded with education ${e.key}`,
    });
  const trained = trainees(r.goals);
  out.set('survey.responseRate', {
    value: s && trained ? plain(percentage(s.respondents, trained)) : null,
    rule: 'respondents / participants trained x 100, rounded half-up to 2 decimals; participants = facilitator graduates (numerator of the FACILITATOR_TRAINING indicator) + empowerment alumni (denominator of the LIFE_SKILLS indicator), both from training events',
  });
  return out;
}

/** Participants of the year's trainings as this subgraph counts them from training events; null when neither is counted. */
function trainees(goals: Goal[]): number | null {
  const all = goals.flatMap((g) => g.indicators);
  const facilitators = all.find((i) => i.metric === Metric.FACILITATOR_TRAINING)?.numerator ?? null;
  const alumni = all.find((i) => i.metric === Metric.LIFE_SKILLS)?.denominator ?? null;
  return facilitators === null && alumni === null ? null : (facilitators ?? 0) + (alumni ?? 0);
}
