import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { roundHalfUp } from '../context/list.helpers';

/** How a figure the report prints stands against the one the graph derives from its records. */
export enum ConsistencyVerdict {
  MATCHES = 'MATCHES',
  ROUNDING = 'ROUNDING',
  CONTRADICTION = 'CONTRADICTION',
  REINTERPRETED = 'REINTERPRETED',
  NOT_DERIVABLE = 'NOT_DERIVABLE',
}

registerEnumType(ConsistencyVerdict, {
  name: 'ConsistencyVerdict',
  description: 'How a printed figure stands against the derived one (kesesuaian angka laporan)',
  valuesConfig: {
    MATCHES: { description: 'The records give exactly the printed value (sesuai)' },
    ROUNDING: {
      description:
        'The printed value is the derived one rounded or truncated differently, at most one unit of its last printed digit apart (selisih pembulatan)',
    },
    CONTRADICTION: {
      description: 'The records give another value than the printed one (bertentangan)',
    },
    REINTERPRETED: {
      description:
        'The graph derives the figure by another rule than the printed one, on purpose; the reason says which (ditafsirkan ulang)',
    },
    NOT_DERIVABLE: { description: 'No record in the graph gives this figure (tidak dapat diturunkan)' },
  },
});

/** One figure of a report, printed against derived; one type in every subgraph (hence @shareable). */
@Directive('@shareable')
@ObjectType('ReportFigure', {
  description:
    'A figure the annual report (LAKIP) prints, beside the value the graph derives from its records (angka laporan dan angka turunan)',
})
export class ReportFigure {
  @Field({
    description: 'Stable identifier of the figure within its report, e.g. budget.2022.goods.ceiling (kunci angka)',
  })
  key!: string;

  @Field({ description: 'Chapter of the report the figure stands in, e.g. "III Akuntabilitas Kinerja" (bab)' })
  chapter!: string;

  @Field({ description: 'Table, formula or paragraph of the chapter holding it (tabel atau paragraf)' })
  table!: string;

  @Field({ description: 'Row and column, or the sentence, where it stands (baris dan kolom)' })
  row!: string;

  @Field({ description: 'What the figure is, in English with the Indonesian term (uraian)' })
  label!: string;

  @Field({ description: 'The value exactly as printed, typos included, e.g. "6.056.979.00" (angka tercetak)' })
  printed!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The value the graph derives from its records, written plainly (digits, a dot for decimals, no grouping); null when not derivable (angka turunan)',
  })
  derived!: string | null;

  @Field({ description: 'How the graph derives its value (aturan penurunan)' })
  rule!: string;

  @Field(() => ConsistencyVerdict, { description: 'How the printed value stands against the derived one (kesimpulan)' })
  verdict!: ConsistencyVerdict;

  @Field({ description: 'Why, in one line (alasan)' })
  reason!: string;
}

/** A figure as the report prints it: an entry of a subgraph's catalogue of a unit's report for a year. */
export interface PrintedFigure {
  key: string;
  /** The derivation the figure is judged against, when several printed figures state one value; the key otherwise. */
  measure?: string;
  chapter: string;
  table: string;
  row: string;
  label: string;
  /** Exactly as printed. */
  printed: string;
  /**
   * The number the printed text states, written plainly ("6.056.979.00" reads 6056979.00, "85 %"
   * reads 85); null for a formula or words, which only a reinterpretation can answer.
   */
  reads: string | null;
  /** A one-line reason in the report's terms for the verdicts this figure may reach, over the generic one. */
  why?: Partial<Record<ConsistencyVerdict, string>>;
}

/** What the graph derives for a printed figure, from the records of the unit and year. */
export interface Derivation {
  /** Plain digits with a dot for decimals; null when the records do not give it. */
  value: string | null;
  rule: string;
  /** Set when the graph uses another rule than the printed one on purpose: why, in one line. */
  reinterpreted?: string;
}

/** A derived number written plainly: whole numbers as digits, others with the given decimals (half-up). */
export function plain(value: number | null, decimals = 2): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  return Number.isInteger(value) ? String(value) : roundHalfUp(value, decimals).toFixed(decimals);
}

const decimalsOf = (text: string): number => (text.includes('.') ? text.length - text.indexOf('.') - 1 : 0);

/** Truncated towards zero to the given decimals, with the epsilon roundHalfUp uses against binary fractions. */
const truncated = (value: number, digits: number): number =>
  (Math.sign(value) * Math.floor(Math.abs(value) * 10 ** digits + 1e-9)) / 10 ** digits;

/**
 * The verdict of a printed number against a derived one: equal, or the derived rounded half-up or
 * truncated to the printed decimals, or (printed with decimals) one unit of the last decimal
 * apart, counts as rounding; anything else contradicts. Whole numbers are rounded only when the
 * derived one has decimals, so 2 against 3 contradicts.
 */
export function compareNumbers(reads: string, derived: string): ConsistencyVerdict {
  const r = Number(reads);
  const d = Number(derived);
  if (!Number.isFinite(r) || !Number.isFinite(d)) throw new Error(`cannot compare "${reads}" with "${derived}"`);
  if (r === d) return ConsistencyVerdict.MATCHES;
  const digits = decimalsOf(reads);
  if (roundHalfUp(d, digits) === r || truncated(d, digits) === r) return ConsistencyVerdict.ROUNDING;
  if (digits > 0 && Math.abs(d - r) <= 10 ** -digits + 1e-9) return ConsistencyVerdict.ROUNDING;
  return ConsistencyVerdict.CONTRADICTION;
}

function genericReason(verdict: ConsistencyVerdict, p: PrintedFigure, derived: string | null): string {
  switch (verdict) {
    case ConsistencyVerdict.MATCHES:
      return 'The records give the printed value';
    case ConsistencyVerdict.ROUNDING:
      return `Printed ${p.printed}; the records give ${derived ?? ''}, rounded half-up to 2 decimals`;
    case ConsistencyVerdict.CONTRADICTION:
      return `Printed ${p.printed}; the records give ${derived ?? ''}`;
    case ConsistencyVerdict.NOT_DERIVABLE:
      return 'No record in the graph gives this figure';
    case ConsistencyVerdict.REINTERPRETED:
      return 'The graph derives it by another rule';
  }
}

/** One printed figure judged against its derivation (none: not derivable). */
export function judgeFigure(p: PrintedFigure, d: Derivation | undefined): ReportFigure {
  const derived = d?.value ?? null;
  let verdict: ConsistencyVerdict;
  if (derived === null) verdict = ConsistencyVerdict.NOT_DERIVABLE;
  else if (d?.reinterpreted !== undefined) verdict = ConsistencyVerdict.REINTERPRETED;
  else if (p.reads === null)
    throw new Error(`printed figure ${p.key} states no number and its derivation no reinterpretation`);
  else verdict = compareNumbers(p.reads, derived);
  const reason =
    p.why?.[verdict] ??
    (verdict === ConsistencyVerdict.REINTERPRETED ? d?.reinterpreted : undefined) ??
    genericReason(verdict, p, derived);
  return {
    key: p.key,
    chapter: p.chapter,
    table: p.table,
    row: p.row,
    label: p.label,
    printed: p.printed,
    derived,
    rule: d?.rule ?? 'none: the graph holds no record for it',
    verdict,
    reason,
  };
}

/** A catalogue judged in its order against the derivations by key. */
export function judgeCatalogue(
  catalogue: readonly PrintedFigure[],
  derivations: ReadonlyMap<string, Derivation>,
): ReportFigure[] {
  return catalogue.map((p) => judgeFigure(p, derivations.get(p.measure ?? p.key)));
}

/** Counts by verdict (ringkasan kesesuaian). */
export interface VerdictCounts {
  matches: number;
  rounding: number;
  contradiction: number;
  reinterpreted: number;
  notDerivable: number;
}

export function countVerdicts(figures: readonly ReportFigure[]): VerdictCounts {
  const of = (v: ConsistencyVerdict) => figures.filter((f) => f.verdict === v).length;
  return {
    matches: of(ConsistencyVerdict.MATCHES),
    rounding: of(ConsistencyVerdict.ROUNDING),
    contradiction: of(ConsistencyVerdict.CONTRADICTION),
    reinterpreted: of(ConsistencyVerdict.REINTERPRETED),
    notDerivable: of(ConsistencyVerdict.NOT_DERIVABLE),
  };
}
