import { type ConsumerSpec, type DomainEvent, EventContractError, forUpdate } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { Metric } from '../plan/plan.type';
import {
  ACCREDITATION_DECIDED, AccreditationDecidedV1, ATENSI_CASE_CLOSED, AtensiCaseClosedV1, BUDGET_PERFORMANCE_SCORED, BudgetPerformanceScoredV1,
  CERTIFICATION_ASSESSED, CertificationAssessedV1, CLASS_CLOSED, ClassClosedV1, Dated, ENROLLMENT_GRADUATED, EnrollmentGraduatedV1,
  MONITORING_ASSESSED, MonitoringAssessedV1,
} from './realization.events';
import { MetricFactEntity } from './realization.entity';
import { quarterOf, recordFact } from './realization.service';

/** The indicator whose facilitator-training records the training subgraph tags on graduations and classes. */
export const FACILITATOR_INDICATOR = 'SK2.2';

interface Counted {
  sourceId: string;
  year: unknown;
  numerator: number;
  denominator: number;
  value?: number | null;
}

function idOf(value: unknown, field: string): string {
  if ((typeof value !== 'string' && typeof value !== 'number') || value === '') throw new EventContractError(`payload field ${field} is missing`);
  return String(value);
}

function flag(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new EventContractError(`payload field ${field} must be a boolean`);
  return value;
}

function count(value: unknown, field: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) throw new EventContractError(`payload field ${field} must be a whole number >= 0`);
  return value as number;
}

/** A malformed payload is refused (EventContractError): dead-lettered at once instead of counting garbage. */
async function apply(event: DomainEvent, m: EntityManager, metric: Metric, c: Counted): Promise<void> {
  if (!event.unit) throw new EventContractError(`${event.type} ${event.id} names no unit`);
  if (!Number.isInteger(c.year) || (c.year as number) < 2000 || (c.year as number) > 2100) throw new EventContractError(`payload field year must be a year, got ${String(c.year)}`);
  await recordFact(m, {
    metric,
    sourceId: c.sourceId,
    unitCode: event.unit,
    year: c.year as number,
    quarter: quarterOf((event.data as Dated | null)?.date, c.year as number),
    numerator: c.numerator,
    denominator: c.denominator,
    value: c.value ?? null,
    eventId: event.id,
    eventType: event.type,
    occurredAt: new Date(event.occurredAt),
  });
}

const data = <T>(event: DomainEvent) => (event.data ?? {}) as Partial<T>;

/** SK1.1: accredited institutions / assessed institutions, one fact per assessment. */
export const accreditationConsumer: ConsumerSpec = {
  name: 'accreditation-decided',
  subject: ACCREDITATION_DECIDED,
  handle: async (event, m) => {
    const d = data<AccreditationDecidedV1>(event);
    await apply(event, m, Metric.ACCREDITATION, { sourceId: `assessment:${idOf(d.assessmentId, 'assessmentId')}`, year: d.year, numerator: flag(d.accredited, 'accredited') ? 1 : 0, denominator: 1 });
  },
};

/**
 * SK2.1: competent workers / assessed workers. The formula counts people ("jumlah SDM Kesos"),
 * so one fact per candidate and year: a candidate re-assessed after "not yet competent" counts
 * once, and once competent stays so for the year. Payloads without candidateId count per assessment.
 */
export const certificationConsumer: ConsumerSpec = {
  name: 'certification-assessed',
  subject: CERTIFICATION_ASSESSED,
  handle: async (event, m) => {
    const d = data<CertificationAssessedV1>(event);
    let competent = flag(d.competent, 'competent');
    let sourceId = `assessment:${idOf(d.assessmentId, 'assessmentId')}`;
    if (d.candidateId !== undefined && d.candidateId !== null) {
      sourceId = `candidate:${idOf(d.candidateId, 'candidateId')}:${String(d.year)}`;
      // The candidate's fact is locked before it is read, as recordFact below will (see there).
      const earlier = await m.findOne(MetricFactEntity, { where: { metric: Metric.CERTIFICATION, sourceId }, ...forUpdate(m) });
      if (earlier?.numerator === 1) competent = true;
    }
    await apply(event, m, Metric.CERTIFICATION, { sourceId, year: d.year, numerator: competent ? 1 : 0, denominator: 1 });
  },
};

/** SK2.2 numerator: each graduation tagged SK2.2 is one facilitator trained; other graduations are not this indicator's. */
export const facilitatorGraduatedConsumer: ConsumerSpec = {
  name: 'enrollment-graduated',
  subject: ENROLLMENT_GRADUATED,
  handle: async (event, m) => {
    const d = data<EnrollmentGraduatedV1>(event);
    if (d.indicatorCode !== FACILITATOR_INDICATOR) return;
    await apply(event, m, Metric.FACILITATOR_TRAINING, { sourceId: `enrollment:${idOf(d.enrollmentId, 'enrollmentId')}`, year: d.year, numerator: 1, denominator: 0 });
  },
};

/** SK2.2 denominator: the target participants of each closed class tagged SK2.2. */
export const facilitatorClassClosedConsumer: ConsumerSpec = {
  name: 'class-closed',
  subject: CLASS_CLOSED,
  handle: async (event, m) => {
    const d = data<ClassClosedV1>(event);
    if (d.indicatorCode !== FACILITATOR_INDICATOR) return;
    await apply(event, m, Metric.FACILITATOR_TRAINING, { sourceId: `class:${idOf(d.classId, 'classId')}`, year: d.year, numerator: 0, denominator: count(d.targetParticipants, 'targetParticipants') });
  },
};

/** SK3.1: monitored alumni with life skills / monitored alumni, one fact per monitoring visit. */
export const monitoringConsumer: ConsumerSpec = {
  name: 'monitoring-assessed',
  subject: MONITORING_ASSESSED,
  handle: async (event, m) => {
    const d = data<MonitoringAssessedV1>(event);
    await apply(event, m, Metric.LIFE_SKILLS, { sourceId: `monitoring:${idOf(d.monitoringId, 'monitoringId')}`, year: d.year, numerator: flag(d.hasLifeSkills, 'hasLifeSkills') ? 1 : 0, denominator: 1 });
  },
};

/** SK4.1: closed cases whose beneficiaries were served / closed cases (the formula's "jumlah kasus"). */
export const atensiConsumer: ConsumerSpec = {
  name: 'atensi-case-closed',
  subject: ATENSI_CASE_CLOSED,
  handle: async (event, m) => {
    const d = data<AtensiCaseClosedV1>(event);
    await apply(event, m, Metric.ATENSI, { sourceId: `case:${idOf(d.caseId, 'caseId')}`, year: d.year, numerator: flag(d.served, 'served') ? 1 : 0, denominator: 1 });
  },
};

/** SK5.2: the budget performance score (NKA) of the unit and year; a later score replaces the earlier one. */
export const budgetPerformanceConsumer: ConsumerSpec = {
  name: 'budget-performance-scored',
  subject: BUDGET_PERFORMANCE_SCORED,
  handle: async (event, m) => {
    const d = data<BudgetPerformanceScoredV1>(event);
    const score = d.budgetPerformanceScore;
    if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 100) throw new EventContractError('payload field budgetPerformanceScore must be a number 0-100');
    await apply(event, m, Metric.BUDGET_PERFORMANCE, { sourceId: `score:${event.unit}:${String(d.year)}`, year: d.year, numerator: 0, denominator: 0, value: score });
  },
};

export const realizationConsumers: ConsumerSpec[] = [
  accreditationConsumer,
  certificationConsumer,
  facilitatorGraduatedConsumer,
  facilitatorClassClosedConsumer,
  monitoringConsumer,
  atensiConsumer,
  budgetPerformanceConsumer,
];
