/** What the budget subgraph derives for a report's figures: pure rules over a unit's DIPAs, revisions, transfers and scores. */
import { type Derivation, plain } from '@kesos/infra';
import { budgetPerformanceScore } from '../budget-score/budget-score.service';
import type { UnitBudgetYear } from '../budget/budget.type';
import type { DipaFigures } from '../dipa/dipa.loader';
import type { BudgetRevision } from '../revision/revision.type';
import { byExpenseType, byGoal, byProgramme, totals, type Totals } from '../satker/satker.service';

export interface SatkerRecords {
  code: string;
  figures: DipaFigures;
  /** In number order, each with the ceiling after it. */
  revisions: BudgetRevision[];
  /** Sum of the transfers out of the satker's DIPA in the year. */
  transferredOut: number;
}

export interface BudgetRecords {
  year: number;
  satkers: SatkerRecords[];
  /** The unit's years, all satkers together, over the five years up to the report's (budgetHistory). */
  history: UnitBudgetYear[];
  smartScore: number | null;
  ikpaScore: number | null;
}

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];

function setTotals(out: Map<string, Derivation>, prefix: string, t: Totals, scope: string): void {
  out.set(`${prefix}.ceiling`, {
    value: plain(t.ceiling),
    rule: `ceiling (pagu) of ${scope}: sum of its lines' changes`,
  });
  out.set(`${prefix}.realized`, {
    value: plain(t.realized),
    rule: `realisation (realisasi) of ${scope}: sum of its spending transactions`,
  });
  out.set(`${prefix}.absorption`, {
    value: plain(t.absorptionRate),
    rule: `realised / ceiling x 100 of ${scope}, rounded half-up to 2 decimals; none when the ceiling is 0`,
  });
}

/** Exact hundredths of a 2-decimal score, so 60% and 40% parts stay exact. */
const hundredths = (score: number): number => Math.round(score * 100);

function satkerDerivations(s: SatkerRecords, out: Map<string, Derivation>): void {
  const at = `satker.${s.code}`;
  const lines = s.figures.lines;
  const final = totals(lines);
  setTotals(out, `${at}.total`, final, `satker ${s.code}`);
  for (const e of byExpenseType(lines)) setTotals(out, `${at}.${e.type}`, e, `satker ${s.code}, ${e.type}`);
  for (const p of byProgramme(s.figures)) {
    out.set(`${at}.programme.${p.code}.ceiling`, {
      value: plain(p.ceiling),
      rule: `ceiling of programme ${p.code} in satker ${s.code}'s final DIPA: its activities' lines`,
    });
    for (const a of p.activities)
      out.set(`${at}.activity.${a.code}.ceiling`, {
        value: plain(a.ceiling),
        rule: `ceiling of activity ${a.code} in satker ${s.code}'s final DIPA: its outputs' lines`,
      });
  }
  for (const r of s.revisions)
    out.set(`${at}.revision.${r.number}.ceiling`, {
      value: plain(r.ceilingAfter),
      rule: `ceiling after revision ${r.number} of ${r.date} (${r.authority}): the sum of the line changes up to it`,
    });
  const original = s.revisions[0]?.ceilingAfter ?? null;
  out.set(`${at}.originalCeiling`, {
    value: plain(original),
    rule: `ceiling of satker ${s.code}'s initial DIPA (revision 0)`,
  });
  if (original !== null) {
    const unexplained = original - final.ceiling - s.transferredOut;
    out.set(`${at}.sumOfParts`, {
      value: plain(final.ceiling + s.transferredOut),
      rule: `final ceiling ${final.ceiling} + moved to other satkers ${s.transferredOut} = ${final.ceiling + s.transferredOut}; of the initial ${original}, ${unexplained} is cut without a transfer`,
    });
  }
}

function ceilingsAtMonthEnds(s: SatkerRecords, year: number, out: Map<string, Derivation>): void {
  MONTHS.forEach((mm, i) => {
    const nextMonth = i === 11 ? `${year + 1}-01-01` : `${year}-${MONTHS[i + 1]}-01`;
    const last = s.revisions.filter((r) => r.date < nextMonth).at(-1);
    out.set(`satker.${s.code}.ceilingAtEndOf.${year}-${mm}`, {
      value: last ? plain(last.ceilingAfter) : null,
      rule: `ceiling after the last revision dated before ${nextMonth}${last ? ` (revision ${last.number} of ${last.date})` : ''}`,
    });
  });
}

/** Every figure the budget subgraph can derive for a unit's year, by measure key (the catalogue's `measure` or `key`). */
export function budgetDerivations(r: BudgetRecords): Map<string, Derivation> {
  const out = new Map<string, Derivation>();
  for (const s of r.satkers) {
    satkerDerivations(s, out);
    ceilingsAtMonthEnds(s, r.year, out);
  }
  for (const y of r.history) {
    setTotals(out, `year.${y.year}.total`, y, `the unit's year ${y.year}, all satkers`);
    for (const e of y.byExpenseType)
      setTotals(out, `year.${y.year}.${e.type}`, e, `the unit's year ${y.year}, ${e.type}`);
  }
  for (const g of byGoal(r.satkers.flatMap((s) => s.figures.lines)))
    out.set(`goal.${g.goalCode}.absorption`, {
      value: plain(g.absorptionRate),
      rule: `realised / ceiling x 100 of the lines tagged with goal ${g.goalCode}, all satkers, rounded half-up to 2 decimals`,
    });
  const { smartScore: smart, ikpaScore: ikpa } = r;
  out.set('nka.smart', { value: plain(smart), rule: 'SMART score recorded for the year (nilai SMART)' });
  out.set('nka.ikpa', { value: plain(ikpa), rule: 'IKPA score recorded for the year (nilai IKPA)' });
  out.set('nka.smartPart', {
    value: smart === null ? null : plain((6 * hundredths(smart)) / 1000, 3),
    rule: '60% x SMART, exact',
  });
  out.set('nka.ikpaPart', {
    value: ikpa === null ? null : plain((4 * hundredths(ikpa)) / 1000, 3),
    rule: '40% x IKPA, exact',
  });
  out.set('nka.score', {
    value: plain(budgetPerformanceScore(smart, ikpa)),
    rule: 'Nilai Kinerja Anggaran = 60% x SMART + 40% x IKPA, summed exactly, then rounded half-up to 2 decimals',
  });
  return out;
}
