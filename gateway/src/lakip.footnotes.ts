import { formatDecimal } from './lakip.format';
import type { ConsistencyFigure, LakipData } from './lakip.query';

/**
 * Where a figure stands in the generated report. A cell of the report claims its key; a printed
 * figure whose key no cell claims is still listed among the footnotes. The keys:
 * - `agreement/{version}/{position}/target`
 * - `indicator/{code}/{target|realization|achievement}`, `previous/{code}/...` (the year before),
 *   `plan/{code}/{year}/target` (Renstra)
 * - `goal/{code}/{achievement|budgetAbsorption}`
 * - `satker/{code}/{PERSONNEL|GOODS|CAPITAL|TOTAL}/{ceiling|realized|absorptionRate}`, `budget/...`
 *   (all satkers), `history/{year}/...` (the five-year table)
 * - `budget/{smartScore|ikpaScore|budgetPerformanceScore}`
 * - `revision/{satker}/{number}/{date|ceilingChange|ceilingAfter}`
 * - `sakip/{unit}/{year}/{1|final}/score`
 * - `survey/{index|grade|respondents}`, `survey/gender/{MALE|FEMALE}`, `survey/education/{SD..S2}`
 */
export type FigureKey = string;

/** A figure the printed report gives, beside the one the graph derives. */
export interface PrintedFigure {
  key: FigureKey;
  /** Indonesian label of the figure, for the footnote list (e.g. "SK1.1 % capaian"). */
  label: string;
  /** As printed, when it is a number; null when the source only has a remark. */
  printed: number | null;
  derived: number | null;
  /** Decimals both are compared and shown with. */
  decimals: number;
  /** Why they differ, or another place of the report that prints something else. */
  note: string | null;
  /** Where the printed figure comes from (a field of the graph, a consistency check). */
  source: string;
}

/**
 * A source of printed-versus-derived figures. The first reads the published* fields the graph
 * holds; another (e.g. a report consistency query) adds its figures the same way, without the
 * writers knowing about it.
 */
export interface PrintedFigureSource {
  name: string;
  figures(data: LakipData): PrintedFigure[];
}

const VERDICTS: Record<Exclude<ConsistencyFigure['verdict'], 'MATCHES'>, string> = {
  ROUNDING: 'selisih pembulatan',
  CONTRADICTION: 'bertentangan',
  REINTERPRETED: 'ditafsirkan ulang',
  NOT_DERIVABLE: 'tidak dapat diturunkan dari data',
};

/** The indicator and goal figures of the report's year, which the published* fields already footnote. */
const COVERED = /^(indicator\.[^.]+\.\d{4}\.(target|realization|achievement)|goal\.[^.]+\.\d{4}\.achievement)$/;

/**
 * The graph's `reportConsistency`: every figure of the whole report (budget table, text, formulas,
 * IKM) whose printed value does not simply match the records, with where it stands, as printed
 * (typos included) and why. A goal's absorption footnotes its cell; the rest are listed after.
 */
export const consistencySource: PrintedFigureSource = {
  name: 'report consistency',
  figures(data) {
    const c = data.consistency;
    const all = [...(c?.performanceFigures ?? []), ...(c?.budgetFigures ?? []), ...(c?.trainingFigures ?? [])];
    return all.flatMap((f): PrintedFigure[] => {
      if (f.verdict === 'MATCHES' || COVERED.test(f.key)) return [];
      const absorption = /^goal\.([^.]+)\.absorption$/.exec(f.key);
      return [
        {
          key: absorption ? `goal/${absorption[1]}/budgetAbsorption` : `consistency/${f.key}`,
          label: f.label,
          printed: null,
          derived: null,
          decimals: 2,
          note: `tercetak "${f.printed}" (${f.chapter}; ${f.table}; ${f.row}), dari data ${f.derived ?? '-'}; ${VERDICTS[f.verdict]}: ${f.reason}`,
          source: 'reportConsistency',
        },
      ];
    });
  },
};

/** The graph's own published* fields: indicator targets, realisations and achievements, goal achievements, the budget performance score. */
export const publishedFieldsSource: PrintedFigureSource = {
  name: 'published fields',
  figures(data) {
    const out: PrintedFigure[] = [];
    for (const goal of data.unit?.performance?.goals ?? []) {
      for (const i of goal.indicators) {
        const pairs = [
          ['target', 'target', i.publishedTarget, i.target],
          ['realization', 'realisasi', i.publishedRealization, i.realization],
          ['achievement', '% capaian', i.publishedAchievement, i.achievement],
        ] as const;
        for (const [column, label, printed, derived] of pairs)
          if (printed !== null)
            out.push({
              key: `indicator/${i.code}/${column}`,
              label: `${i.code} ${label}`,
              printed,
              derived,
              decimals: 2,
              note: null,
              source: `publishedIndicator${column[0].toUpperCase()}${column.slice(1)}`,
            });
        // A remark on an indicator whose figures agree still tells of another place printing otherwise.
        if (i.publishedNote)
          out.push({
            key: `indicator/${i.code}/achievement`,
            label: `${i.code} % capaian`,
            printed: null,
            derived: i.achievement,
            decimals: 2,
            note: i.publishedNote,
            source: 'publishedNote',
          });
      }
      if (goal.publishedAchievement !== null)
        out.push({
          key: `goal/${goal.code}/achievement`,
          label: `${goal.code} realisasi kinerja`,
          printed: goal.publishedAchievement,
          derived: goal.achievement,
          decimals: 2,
          note: null,
          source: 'Goal.publishedAchievement',
        });
    }
    const budget = data.unit?.budget;
    if (budget && budget.publishedBudgetPerformanceScore !== null)
      out.push({
        key: 'budget/budgetPerformanceScore',
        label: 'Nilai Kinerja Anggaran',
        printed: budget.publishedBudgetPerformanceScore,
        derived: budget.budgetPerformanceScore,
        decimals: 2,
        note: null,
        source: 'UnitBudget.publishedBudgetPerformanceScore',
      });
    return out;
  },
};

export interface Footnote {
  number: number;
  key: FigureKey;
  text: string;
}

const shown = (value: number | null, decimals: number): string =>
  value === null ? 'tidak ada' : formatDecimal(value, decimals);

/**
 * The footnotes of a report: one per figure key, numbered in the order the keys are claimed
 * (then the unclaimed ones), for every printed figure that differs from the derived one as shown
 * and every remark. Figures that agree make no footnote.
 */
export class Footnotes {
  private readonly byKey = new Map<FigureKey, string[]>();
  private readonly numbers = new Map<FigureKey, number>();

  constructor(figures: PrintedFigure[]) {
    for (const f of figures) {
      const differs = f.printed !== null && shown(f.printed, f.decimals) !== shown(f.derived, f.decimals);
      const parts: string[] = [];
      if (differs)
        parts.push(
          `${f.label}: dihitung dari data ${shown(f.derived, f.decimals)}, tercetak di LAKIP ${shown(f.printed, f.decimals)}`,
        );
      if (f.note) parts.push(`${differs ? 'Keterangan' : `${f.label}, keterangan`}: ${f.note}`);
      if (!parts.length) continue;
      const text = `${parts.join('. ')} (sumber: ${f.source}).`;
      this.byKey.set(f.key, [...(this.byKey.get(f.key) ?? []), text]);
    }
  }

  /** The footnote number of a cell's figure, null when the printed report agrees with it. */
  claim(key: FigureKey): number | null {
    if (!this.byKey.has(key)) return null;
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.numbers.size + 1;
      this.numbers.set(key, n);
    }
    return n;
  }

  /** Every footnote, claimed ones first in claim order, then the figures no cell shows. */
  list(): Footnote[] {
    for (const key of this.byKey.keys()) this.claim(key);
    return [...this.numbers].map(([key, number]) => ({ number, key, text: (this.byKey.get(key) ?? []).join(' ') }));
  }
}
