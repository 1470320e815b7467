import type { GraphQLField, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { buildSchema, getNamedType, isLeafType, isNonNullType, isObjectType } from 'graphql';
import { readFileSync } from 'node:fs';
import { SUPERGRAPH_FILE } from '../src';

/**
 * The authorization matrix is generated from the supergraph: every Query root field and every
 * path through it to an object type, and every Mutation. Each root field and each edge (an
 * object field of an object type) must have a rule below, so a field added without one fails.
 */
export type Rule = 'public' | 'directory' | 'unit';

/** public: no token needed; directory: any signed-in caller (the unit directory); unit: the unit's staff, analysts and admins. */
export const RULES: Record<string, Rule> = {
  'Query.verifyCertificate': 'public',
  'Query.unit': 'directory',
  'Query.units': 'directory',
  'Query.sakipEvaluations': 'directory',
  'SakipEvaluation.unit': 'directory',
  // Statistics: every caller gets rows, a viewer or operator only their own unit's (statsUnits).
  'Query.indicatorStats': 'unit',
  'IndicatorStatsRow.unit': 'unit',
  'Query.surveyStats': 'unit',
  'SurveyStatsRow.unit': 'unit',
  // What a statistics row rests on: read with the row, so scoped as the row is.
  'IndicatorStatsRow.evidence': 'unit',
  'SurveyStatsRow.evidence': 'unit',
  'Unit.campuses': 'directory',
  'Campus.facilities': 'directory',
  'Unit.workArea': 'directory',
  ...Object.fromEntries(
    [
      'Query.budgetRealizations',
      'Query.outputVolumeEntries',
      'Query.budgetStats',
      'BudgetStatsRow.unit',
      'BudgetStatsRow.evidence',
      'Query.accreditationAssessments',
      'Query.alumniMonitorings',
      'Query.atensiCases',
      'Query.certificationAssessments',
      'Query.certificationCandidates',
      'Query.certificationSessions',
      'Query.enrollment',
      'Query.enrollments',
      'Query.importJob',
      'Query.lksInstitutions',
      'Query.participant',
      'Query.participants',
      'Query.programmes',
      'Query.trainingClass',
      'Query.trainingClasses',
      'Query.trainingStats',
      'TrainingStatsRow.unit',
      'TrainingStatsRow.evidence',
      'Query.certificationStats',
      'CertificationStatsRow.unit',
      'CertificationStatsRow.evidence',
      'Query.accreditationStats',
      'AccreditationStatsRow.unit',
      'AccreditationStatsRow.evidence',
      'Query.atensiStats',
      'AtensiStatsRow.unit',
      'AtensiStatsRow.evidence',
      'RealizationPage.items',
      'RealizationPage.nodes',
      'RealizationPage.edges',
      'RealizationPageEdge.node',
      'AccreditationAssessmentPage.nodes',
      'AccreditationAssessment.institution',
      'AccreditationAssessmentPage.edges',
      'AccreditationAssessmentPageEdge.node',
      'AlumniMonitoringPage.nodes',
      'AlumniMonitoringPage.edges',
      'AlumniMonitoringPageEdge.node',
      'AlumniMonitoring.enrollment',
      'Enrollment.participant',
      'Enrollment.trainingClass',
      'Enrollment.monitoring',
      'TrainingClass.programme',
      'AtensiCasePage.nodes',
      'AtensiCasePage.edges',
      'AtensiCasePageEdge.node',
      'CertificationAssessmentPage.nodes',
      'CertificationAssessment.candidate',
      'CertificationAssessment.session',
      'CertificationAssessmentPage.edges',
      'CertificationAssessmentPageEdge.node',
      'CertificationCandidatePage.nodes',
      'CertificationCandidate.assessments',
      'CertificationCandidatePage.edges',
      'CertificationCandidatePageEdge.node',
      'EnrollmentPage.nodes',
      'EnrollmentPage.edges',
      'EnrollmentPageEdge.node',
      'ImportJob.errors',
      'ImportRowErrorPage.nodes',
      'ImportRowErrorPage.edges',
      'ImportRowErrorPageEdge.node',
      'LksInstitutionPage.nodes',
      'LksInstitutionPage.edges',
      'LksInstitutionPageEdge.node',
      'Participant.enrollments',
      'ParticipantPage.nodes',
      'ParticipantPage.edges',
      'ParticipantPageEdge.node',
      'TrainingClassPage.nodes',
      'TrainingClassPage.edges',
      'TrainingClassPageEdge.node',
      // What the unit's figures rest on (provenance summaries): read with the figures themselves.
      'AccreditationSummary.provenance',
      'ActivityFigure.evidence',
      'AtensiServiceTypeSummary.provenance',
      'AtensiSummary.provenance',
      'BudgetLine.evidence',
      'BudgetOutput.evidence',
      'BudgetOutput.realizedVolumeEvidence',
      'CertificationSummary.provenance',
      'ExpenseTypeFigure.evidence',
      'Goal.budgetAbsorptionEvidence',
      'Goal.evidence',
      'GoalFigure.evidence',
      'IndicatorResult.evidence',
      'ProgrammeFigure.evidence',
      'ProgrammeVolume.provenance',
      'SatisfactionSurvey.evidence',
      'SatkerBudget.evidence',
      'TrainingClass.enrollmentProvenance',
      'MonthFigure.evidence',
      'MonthFigure.cumulativeEvidence',
      'TrainingVolumeYear.provenance',
      'UnitBudget.evidence',
      'UnitBudgetYear.evidence',
      'Unit.budget',
      'Unit.budgetHistory',
      'Unit.performance',
      'Unit.performanceAgreements',
      'Unit.satisfactionSurvey',
      'Unit.strategicPlan',
      'Unit.accreditationSummary',
      'Unit.atensiSummary',
      'Unit.certificationSummary',
      'Unit.staffByJob',
      'Unit.staffComposition',
      'Unit.trainingVolume',
      'UnitBudget.byExpenseType',
      'UnitBudget.byGoal',
      'UnitBudget.byMonth',
      'UnitBudget.ikpaComponents',
      'UnitBudget.outputAchievement',
      'UnitBudget.satkers',
      'UnitBudget.transfers',
      'UnitBudgetYear.byExpenseType',
      'UnitBudgetYear.satkers',
      'SatkerBudget.byExpenseType',
      'SatkerBudget.byGoal',
      'SatkerBudget.byMonth',
      'SatkerBudget.byProgramme',
      'SatkerBudget.lines',
      'SatkerBudget.outputs',
      'SatkerBudget.revisions',
      'SatkerBudget.transfersIn',
      'SatkerBudget.transfersOut',
      'ProgrammeFigure.activities',
      'BudgetRevision.changes',
      'UnitPerformance.goals',
      'Goal.indicators',
      'IndicatorResult.quarters',
      'PerformanceAgreement.items',
      'PerformanceAgreement.signatories',
      'SatisfactionSurvey.byEducation',
      'SatisfactionSurvey.byGender',
      'SatisfactionSurvey.elements',
      'StrategicPlan.goals',
      'PlanGoal.indicators',
      'PlanIndicator.targets',
      'AccreditationSummary.byResult',
      'AtensiSummary.byServiceType',
      'TrainingVolumeYear.byProgramme',
      'Query.reportConsistency',
      'ReportConsistency.performanceFigures',
      'ReportConsistency.budgetFigures',
      'ReportConsistency.trainingFigures',
      'ReportConsistency.summary',
    ].map((edge) => [edge, 'unit']),
  ),
};

const STRICTNESS: Record<Rule, number> = { public: 0, directory: 1, unit: 2 };

export interface Step {
  type: GraphQLObjectType;
  name: string;
  field: GraphQLField<unknown, unknown>;
}

export interface QueryPath {
  /** e.g. enrollment.participant.enrollments */
  key: string;
  steps: Step[];
  /** The strictest rule along the path; undefined when an edge has none. */
  rule: Rule | undefined;
  /** Edges of the path without a rule. */
  missing: string[];
}

export function apiSchema(): GraphQLSchema {
  return buildSchema(readFileSync(SUPERGRAPH_FILE, 'utf8'), { assumeValidSDL: true });
}

/** Page info is paging state, not a record; a type already on the path would only repeat it. */
function followed(type: GraphQLObjectType, seen: Set<string>): boolean {
  return !type.name.endsWith('PageInfo') && !seen.has(type.name);
}

export function queryPaths(schema: GraphQLSchema): QueryPath[] {
  const paths: QueryPath[] = [];
  const walk = (type: GraphQLObjectType, steps: Step[], seen: Set<string>) => {
    for (const [name, field] of Object.entries(type.getFields())) {
      const target = getNamedType(field.type);
      if (!isObjectType(target) || !followed(target, seen)) continue;
      const next = [...steps, { type, name, field }];
      const edges = next.map((s) => `${s.type.name}.${s.name}`);
      const missing = edges.filter((e) => !RULES[e]);
      const rule = missing.length
        ? undefined
        : edges.map((e) => RULES[e]).reduce((a, b) => (STRICTNESS[b] > STRICTNESS[a] ? b : a));
      paths.push({ key: next.map((s) => s.name).join('.'), steps: next, rule, missing });
      walk(target, next, new Set([...seen, target.name]));
    }
  };
  walk(schema.getQueryType()!, [], new Set());
  return paths;
}

export const mutationNames = (schema: GraphQLSchema): string[] =>
  Object.keys(schema.getMutationType()!.getFields()).sort();

/** The ids a path's arguments point at. */
export interface PathIds {
  unit: string;
  enrollment: string;
  participant: string;
  trainingClass: string;
  importJob: string;
  certificate: string;
  /** Finds that participant in a unit's list, so the list's nested paths reach their records. */
  participantName: string;
}

const YEARS: Record<string, number> = { 'Query.sakipEvaluations.year': 2021, fromYear: 2021, toYear: 2022, year: 2022 };

function argValue(step: Step, arg: string, ids: PathIds): string | undefined {
  const root = step.type.name === 'Query';
  const year = YEARS[`${step.type.name}.${step.name}.${arg}`] ?? YEARS[arg];
  if (year !== undefined) return String(year);
  if (arg === 'first') return '3';
  // Statistics rows grouped by unit carry their unit's code, so the matrix can tell whose they are.
  if (arg === 'groupBy') return '[UNIT]';
  if (arg === 'unit' || arg === 'code' || arg === 'unitCode') return JSON.stringify(ids.unit);
  if (arg === 'satkerCode') return JSON.stringify('690552');
  if (arg === 'classId') return JSON.stringify(ids.trainingClass);
  if (arg === 'number') return JSON.stringify(ids.certificate);
  if (arg === 'search') return JSON.stringify(ids.participantName);
  if (arg === 'id' && root) return JSON.stringify(ids[step.name as keyof PathIds]);
  return undefined;
}

/** What identifies a row's unit: its own unitCode, or the code of a Unit. */
function markers(type: GraphQLObjectType): string {
  const fields = type.getFields();
  const own = fields.unitCode && isLeafType(getNamedType(fields.unitCode.type)) ? ' unitCode' : '';
  return `__typename${own}${type.name === 'Unit' ? ' code' : ''}`;
}

/** `{ a(x: 1) { __typename unitCode b { __typename ... } } }` down the path. */
export function pathQuery(path: QueryPath, ids: PathIds): string {
  let inner = '';
  for (let i = path.steps.length - 1; i >= 0; i--) {
    const step = path.steps[i];
    const target = getNamedType(step.field.type) as GraphQLObjectType;
    const args = step.field.args
      .map((a) => {
        const value = argValue(step, a.name, ids);
        if (value === undefined && isNonNullType(a.type) && a.defaultValue === undefined)
          throw new Error(`no value for required argument ${step.type.name}.${step.name}(${a.name})`);
        return value === undefined ? '' : `${a.name}: ${value}`;
      })
      .filter(Boolean);
    inner = `${step.name}${args.length ? `(${args.join(', ')})` : ''} { ${markers(target)}${inner ? ` ${inner}` : ''} }`;
  }
  return `{ ${inner} }`;
}

interface Row {
  unit: string | undefined;
}

/** The objects at the end of the path, each with the unit it belongs to (its own marker, else the nearest ancestor's). */
export function leafRows(data: unknown, path: QueryPath, rootUnit: string): Row[] {
  let level: { value: unknown; unit: string | undefined }[] = [{ value: data, unit: rootUnit }];
  for (const step of path.steps) {
    const next: { value: unknown; unit: string | undefined }[] = [];
    for (const { value, unit } of level) {
      if (!value || typeof value !== 'object') continue;
      const child = (value as Record<string, unknown>)[step.name];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (!item || typeof item !== 'object') continue;
        const o = item as Record<string, unknown>;
        const own =
          typeof o.unitCode === 'string'
            ? o.unitCode
            : o.__typename === 'Unit' && typeof o.code === 'string'
              ? o.code
              : undefined;
        next.push({ value: item, unit: own ?? unit });
      }
    }
    level = next;
  }
  return level.map((l) => ({ unit: l.unit }));
}
