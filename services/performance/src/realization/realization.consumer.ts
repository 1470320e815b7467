import {
  accreditationDecidedV1,
  atensiCaseClosedV1,
  certificationAssessedV1,
  classClosedV1,
  type ConsumerSpec,
  consumerOf,
  type ContractEvent,
  type EventContract,
  enrollmentGraduatedV1,
  monitoringAssessedV1,
  performanceScoredV1,
  provenanceOfEvent,
} from '@kesos/infra';
import { Metric } from '../plan/plan.type';
import { type NewFact, quarterOf, recordFacts } from './realization.service';

/** The indicator whose facilitator-training records the training subgraph tags on graduations and classes. */
export const FACILITATOR_INDICATOR = 'SK2.2';

interface Counted {
  sourceId: string;
  year: number;
  numerator: number;
  denominator: number;
  value?: number | null;
  /** The day the fact became known, placing it in a quarter of its year. */
  date?: string | null;
  keepsNumerator?: boolean;
}

function factOf(event: ContractEvent<unknown>, metric: Metric, c: Counted): NewFact {
  // Every fact contract carries the optional provenance (docs/events.md); the payload type is generic here.
  const given = (event.data as { provenance?: string | null }).provenance;
  return {
    metric,
    sourceId: c.sourceId,
    unitCode: event.unit,
    year: c.year,
    quarter: quarterOf(c.date, c.year),
    numerator: c.numerator,
    denominator: c.denominator,
    value: c.value ?? null,
    eventId: event.id,
    eventType: event.type,
    occurredAt: new Date(event.occurredAt),
    provenance: provenanceOfEvent(given),
    keepsNumerator: c.keepsNumerator,
  };
}

/**
 * A consumer that turns each event into at most one fact. `handle` applies one event (the
 * fallback path, and the embedded bus's single deliveries); `handleBatch` applies a pulled batch
 * with recordFacts: one locking read of the batch's facts, one insert, one update per counter
 * row, with the same effect as `handle` on each event in turn.
 */
function factConsumer<T>(
  contract: EventContract<T>,
  name: string,
  metric: Metric,
  count: (event: ContractEvent<T>) => Counted | null,
): ConsumerSpec<T> {
  const facts = (events: ContractEvent<T>[]): NewFact[] =>
    events.flatMap((e) => {
      const c = count(e);
      return c ? [factOf(e, metric, c)] : [];
    });
  return consumerOf(
    contract,
    name,
    (event, m) => recordFacts(m, facts([event])),
    (events, m) => recordFacts(m, facts(events)),
  );
}

/** SK1.1: accredited institutions / assessed institutions, one fact per assessment. */
export const accreditationConsumer = factConsumer(
  accreditationDecidedV1,
  'accreditation-decided',
  Metric.ACCREDITATION,
  ({ data: d }) => ({
    sourceId: `assessment:${d.assessmentId}`,
    year: d.year,
    numerator: d.accredited ? 1 : 0,
    denominator: 1,
    date: d.date,
  }),
);

/**
 * SK2.1: competent workers / assessed workers. The formula counts people ("jumlah SDM Kesos"),
 * so one fact per candidate and year: a candidate re-assessed after "not yet competent" counts
 * once, and once competent stays so for the year. Payloads without candidateId count per assessment.
 */
export const certificationConsumer = factConsumer(
  certificationAssessedV1,
  'certification-assessed',
  Metric.CERTIFICATION,
  ({ data: d }) => {
    const perCandidate = d.candidateId !== undefined && d.candidateId !== null;
    return {
      sourceId: perCandidate ? `candidate:${d.candidateId}:${d.year}` : `assessment:${d.assessmentId}`,
      year: d.year,
      numerator: d.competent ? 1 : 0,
      denominator: 1,
      date: d.date,
      // The candidate's fact is read under its row lock by recordFacts (see there).
      keepsNumerator: perCandidate,
    };
  },
);

/** SK2.2 numerator: each graduation tagged SK2.2 is one facilitator trained; other graduations are not this indicator's. */
export const facilitatorGraduatedConsumer = factConsumer(
  enrollmentGraduatedV1,
  'enrollment-graduated',
  Metric.FACILITATOR_TRAINING,
  ({ data: d }) =>
    d.indicatorCode !== FACILITATOR_INDICATOR
      ? null
      : { sourceId: `enrollment:${d.enrollmentId}`, year: d.year, numerator: 1, denominator: 0, date: d.date },
);

/** SK2.2 denominator: the target participants of each closed class tagged SK2.2. */
export const facilitatorClassClosedConsumer = factConsumer(
  classClosedV1,
  'class-closed',
  Metric.FACILITATOR_TRAINING,
  ({ data: d }) =>
    d.indicatorCode !== FACILITATOR_INDICATOR
      ? null
      : {
          sourceId: `class:${d.classId}`,
          year: d.year,
          numerator: 0,
          denominator: d.targetParticipants,
          date: d.date,
        },
);

/** SK3.1: monitored alumni with life skills / monitored alumni, one fact per monitoring visit. */
export const monitoringConsumer = factConsumer(
  monitoringAssessedV1,
  'monitoring-assessed',
  Metric.LIFE_SKILLS,
  ({ data: d }) => ({
    sourceId: `monitoring:${d.monitoringId}`,
    year: d.year,
    numerator: d.hasLifeSkills ? 1 : 0,
    denominator: 1,
    date: d.date,
  }),
);

/** SK4.1: closed cases whose beneficiaries were served / closed cases (the formula's "jumlah kasus"). */
export const atensiConsumer = factConsumer(atensiCaseClosedV1, 'atensi-case-closed', Metric.ATENSI, ({ data: d }) => ({
  sourceId: `case:${d.caseId}`,
  year: d.year,
  numerator: d.served ? 1 : 0,
  denominator: 1,
  date: d.date,
}));

/** SK5.2: the budget performance score (NKA) of the unit and year; a later score replaces the earlier one. */
export const budgetPerformanceConsumer = factConsumer(
  performanceScoredV1,
  'budget-performance-scored',
  Metric.BUDGET_PERFORMANCE,
  (event) => ({
    sourceId: `score:${event.unit}:${event.data.year}`,
    year: event.data.year,
    numerator: 0,
    denominator: 0,
    value: event.data.budgetPerformanceScore,
  }),
);

export const realizationConsumers: ConsumerSpec[] = [
  accreditationConsumer,
  certificationConsumer,
  facilitatorGraduatedConsumer,
  facilitatorClassClosedConsumer,
  monitoringConsumer,
  atensiConsumer,
  budgetPerformanceConsumer,
];
