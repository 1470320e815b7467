import {
  accreditationDecidedV1,
  atensiCaseClosedV1,
  certificationAssessedV1,
  classClosedV1,
  type ConsumerSpec,
  consumerOf,
  type ContractEvent,
  enrollmentGraduatedV1,
  forUpdate,
  monitoringAssessedV1,
  performanceScoredV1,
} from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { Metric } from '../plan/plan.type';
import { MetricFactEntity } from './realization.entity';
import { quarterOf, recordFact } from './realization.service';

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
}

async function apply(event: ContractEvent<unknown>, m: EntityManager, metric: Metric, c: Counted): Promise<void> {
  await recordFact(m, {
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
  });
}

/** SK1.1: accredited institutions / assessed institutions, one fact per assessment. */
export const accreditationConsumer = consumerOf(accreditationDecidedV1, 'accreditation-decided', async (event, m) => {
  const d = event.data;
  await apply(event, m, Metric.ACCREDITATION, {
    sourceId: `assessment:${d.assessmentId}`,
    year: d.year,
    numerator: d.accredited ? 1 : 0,
    denominator: 1,
    date: d.date,
  });
});

/**
 * SK2.1: competent workers / assessed workers. The formula counts people ("jumlah SDM Kesos"),
 * so one fact per candidate and year: a candidate re-assessed after "not yet competent" counts
 * once, and once competent stays so for the year. Payloads without candidateId count per assessment.
 */
export const certificationConsumer = consumerOf(certificationAssessedV1, 'certification-assessed', async (event, m) => {
  const d = event.data;
  let competent = d.competent;
  let sourceId = `assessment:${d.assessmentId}`;
  if (d.candidateId !== undefined && d.candidateId !== null) {
    sourceId = `candidate:${d.candidateId}:${d.year}`;
    // The candidate's fact is locked before it is read, as recordFact below will (see there).
    const earlier = await m.findOne(MetricFactEntity, {
      where: { metric: Metric.CERTIFICATION, sourceId },
      ...forUpdate(m),
    });
    if (earlier?.numerator === 1) competent = true;
  }
  await apply(event, m, Metric.CERTIFICATION, {
    sourceId,
    year: d.year,
    numerator: competent ? 1 : 0,
    denominator: 1,
    date: d.date,
  });
});

/** SK2.2 numerator: each graduation tagged SK2.2 is one facilitator trained; other graduations are not this indicator's. */
export const facilitatorGraduatedConsumer = consumerOf(
  enrollmentGraduatedV1,
  'enrollment-graduated',
  async (event, m) => {
    const d = event.data;
    if (d.indicatorCode !== FACILITATOR_INDICATOR) return;
    await apply(event, m, Metric.FACILITATOR_TRAINING, {
      sourceId: `enrollment:${d.enrollmentId}`,
      year: d.year,
      numerator: 1,
      denominator: 0,
      date: d.date,
    });
  },
);

/** SK2.2 denominator: the target participants of each closed class tagged SK2.2. */
export const facilitatorClassClosedConsumer = consumerOf(classClosedV1, 'class-closed', async (event, m) => {
  const d = event.data;
  if (d.indicatorCode !== FACILITATOR_INDICATOR) return;
  await apply(event, m, Metric.FACILITATOR_TRAINING, {
    sourceId: `class:${d.classId}`,
    year: d.year,
    numerator: 0,
    denominator: d.targetParticipants,
    date: d.date,
  });
});

/** SK3.1: monitored alumni with life skills / monitored alumni, one fact per monitoring visit. */
export const monitoringConsumer = consumerOf(monitoringAssessedV1, 'monitoring-assessed', async (event, m) => {
  const d = event.data;
  await apply(event, m, Metric.LIFE_SKILLS, {
    sourceId: `monitoring:${d.monitoringId}`,
    year: d.year,
    numerator: d.hasLifeSkills ? 1 : 0,
    denominator: 1,
    date: d.date,
  });
});

/** SK4.1: closed cases whose beneficiaries were served / closed cases (the formula's "jumlah kasus"). */
export const atensiConsumer = consumerOf(atensiCaseClosedV1, 'atensi-case-closed', async (event, m) => {
  const d = event.data;
  await apply(event, m, Metric.ATENSI, {
    sourceId: `case:${d.caseId}`,
    year: d.year,
    numerator: d.served ? 1 : 0,
    denominator: 1,
    date: d.date,
  });
});

/** SK5.2: the budget performance score (NKA) of the unit and year; a later score replaces the earlier one. */
export const budgetPerformanceConsumer = consumerOf(
  performanceScoredV1,
  'budget-performance-scored',
  async (event, m) => {
    const d = event.data;
    await apply(event, m, Metric.BUDGET_PERFORMANCE, {
      sourceId: `score:${event.unit}:${d.year}`,
      year: d.year,
      numerator: 0,
      denominator: 0,
      value: d.budgetPerformanceScore,
    });
  },
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
