/**
 * What chapter III of a LAKIP reads from the graph: one operation, sent through the gateway's own
 * request pipeline with the caller's token like any client's, so role and unit scope and the cost
 * limit apply to the report as they do to /graphql.
 */
export const LAKIP_OPERATION = 'LakipChapterThree';

export const LAKIP_QUERY = `query ${LAKIP_OPERATION}($unit: ID!, $year: Int!, $previousYear: Int!, $fromYear: Int!, $sakipYear: Int!, $sakipYearBefore: Int!) {
  unit(code: $unit) {
    code
    name
    performanceAgreements(year: $year) {
      version current title reason signedMonth signedPlace
      signatories { party positionTitle }
      items { position goal indicator indicatorCode target targetUnit }
    }
    strategicPlan(year: $year) { title fromYear toYear goals { code indicators { code targets { year target } } } }
    performance(year: $year) {
      goals {
        code titleId achievement publishedAchievement budgetAbsorption
        indicators {
          code nameId measure target realization achievement
          publishedTarget publishedRealization publishedAchievement publishedNote
        }
      }
    }
    previous: performance(year: $previousYear) { goals { code indicators { code target realization achievement } } }
    budget(year: $year) {
      ceiling realized absorptionRate budgetPerformanceScore publishedBudgetPerformanceScore smartScore ikpaScore
      byExpenseType { type ceiling realized absorptionRate }
      satkers {
        code name ceiling realized absorptionRate
        byExpenseType { type ceiling realized absorptionRate }
        revisions { number authority date description ceilingAfter ceilingChange }
      }
    }
    budgetHistory(fromYear: $fromYear, toYear: $year) {
      year ceiling realized absorptionRate
      byExpenseType { type ceiling realized absorptionRate }
      satkers { code ceiling realized }
    }
    satisfactionSurvey(year: $year) { respondents index grade byGender { key count } byEducation { key count } }
  }
  consistency: reportConsistency(unit: $unit, year: $year) {
    performanceFigures { ...LakipFigure }
    budgetFigures { ...LakipFigure }
    trainingFigures { ...LakipFigure }
  }
  sakipBefore: sakipEvaluations(year: $sakipYearBefore) { unit { code name } roundLabel score category }
  sakipFirstRound: sakipEvaluations(year: $sakipYear, round: 1) { unit { code name } roundLabel score category final }
  sakipFinal: sakipEvaluations(year: $sakipYear) { unit { code name } roundLabel score category }
}

fragment LakipFigure on ReportFigure { key chapter table row label printed derived verdict reason }`;

/** The report of `year` prints the year before beside it, five years of budget and the SAKIP rounds of the two years before. */
export const lakipVariables = (unit: string, year: number) => ({
  unit,
  year,
  previousYear: year - 1,
  fromYear: year - 4,
  sakipYear: year - 1,
  sakipYearBefore: year - 2,
});

export type ExpenseType = 'PERSONNEL' | 'GOODS' | 'CAPITAL';

export interface ExpenseFigure {
  type: ExpenseType;
  ceiling: number;
  realized: number;
  absorptionRate: number | null;
}

export interface LakipIndicator {
  code: string;
  nameId: string;
  measure: 'PERCENT' | 'SCORE' | 'INDEX';
  target: number | null;
  realization: number | null;
  achievement: number | null;
  publishedTarget: number | null;
  publishedRealization: number | null;
  publishedAchievement: number | null;
  publishedNote: string | null;
}

export interface LakipGoal {
  code: string;
  titleId: string;
  achievement: number | null;
  publishedAchievement: number | null;
  budgetAbsorption: number | null;
  indicators: LakipIndicator[];
}

export interface ConsistencyFigure {
  key: string;
  chapter: string;
  table: string;
  row: string;
  label: string;
  printed: string;
  derived: string | null;
  verdict: 'MATCHES' | 'ROUNDING' | 'CONTRADICTION' | 'REINTERPRETED' | 'NOT_DERIVABLE';
  reason: string;
}

export interface SakipRow {
  unit: { code: string; name: string } | null;
  roundLabel: string;
  score: number;
  category: string;
  final?: boolean;
}

export interface LakipRevision {
  number: number;
  authority: string;
  date: string;
  description: string;
  ceilingAfter: number;
  ceilingChange: number;
}

export interface LakipData {
  unit: {
    code: string;
    name: string;
    performanceAgreements: {
      version: number;
      current: boolean;
      title: string;
      reason: string | null;
      signedMonth: string | null;
      signedPlace: string | null;
      signatories: { party: 'FIRST' | 'SECOND'; positionTitle: string }[];
      items: {
        position: number;
        goal: string;
        indicator: string;
        indicatorCode: string | null;
        target: number;
        targetUnit: string;
      }[];
    }[];
    strategicPlan: {
      title: string;
      fromYear: number;
      toYear: number;
      goals: { code: string; indicators: { code: string; targets: { year: number; target: number }[] }[] }[];
    } | null;
    performance: { goals: LakipGoal[] } | null;
    previous: {
      goals: {
        code: string;
        indicators: { code: string; target: number | null; realization: number | null; achievement: number | null }[];
      }[];
    } | null;
    budget: {
      ceiling: number;
      realized: number;
      absorptionRate: number | null;
      budgetPerformanceScore: number | null;
      publishedBudgetPerformanceScore: number | null;
      smartScore: number | null;
      ikpaScore: number | null;
      byExpenseType: ExpenseFigure[];
      satkers: {
        code: string;
        name: string;
        ceiling: number;
        realized: number;
        absorptionRate: number | null;
        byExpenseType: ExpenseFigure[];
        revisions: LakipRevision[];
      }[];
    } | null;
    budgetHistory:
      | {
          year: number;
          ceiling: number;
          realized: number;
          absorptionRate: number | null;
          byExpenseType: ExpenseFigure[];
          satkers: { code: string; ceiling: number; realized: number }[];
        }[]
      | null;
    satisfactionSurvey: {
      respondents: number;
      index: number;
      grade: string;
      byGender: { key: 'MALE' | 'FEMALE'; count: number }[];
      byEducation: { key: string; count: number }[];
    } | null;
  } | null;
  /** The printed report's figures against the derived ones, for the units and years that have a catalogue. */
  consistency: {
    performanceFigures: ConsistencyFigure[];
    budgetFigures: ConsistencyFigure[] | null;
    trainingFigures: ConsistencyFigure[] | null;
  } | null;
  sakipBefore: SakipRow[];
  sakipFirstRound: SakipRow[];
  sakipFinal: SakipRow[];
}
