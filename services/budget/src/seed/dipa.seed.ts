import type { Provenance } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { OutputTargetEntity } from '../line/line.entity';
import { writeDipaStructure } from '../line/line.service';
import { RealizationEntity } from '../realization/realization.entity';
import { LineChangeEntity, RevisionEntity } from '../revision/revision.entity';
import { DipaEntity } from '../dipa/dipa.entity';
import { applyBudgetStatsDeltas, monthOf } from '../stats/stats.service';

export interface OutputSpec {
  kroCode: string;
  kroName: string;
  code: string;
  name: string;
  volumeUnit: string;
  /** Volume target per revision number that set it. */
  targets: Record<number, number>;
}
export interface ActivitySpec {
  code: string;
  name: string;
  note?: string;
  outputs: OutputSpec[];
}
export interface ProgrammeSpec {
  code: string;
  name: string;
  activities: ActivitySpec[];
}
export interface LineSpec {
  output: string | null;
  component: string | null;
  componentName: string | null;
  account: string;
  goal: string | null;
  /** Ceiling change per revision number (index 0 = initial DIPA); missing entries are 0. */
  changes: number[];
  /** Blocked amount (blokir) change per revision number. */
  blocked?: Record<number, number>;
  /** Realised total for the year; split into monthly transactions made to add up to it. */
  realized: number;
}
export interface SpendingSchedule {
  /** Payment dates, one per month of spending. */
  dates: string[];
  /** Weights of personnel spending per date (salaries are paid evenly). */
  personnel: number[];
  /** Weights of goods and capital spending per date (activities concentrate late in the year). */
  other: number[];
}
/** Where each kind of a DIPA's seeded records comes from; a line's revision changes share the line's. */
export interface DipaProvenance {
  dipa: Provenance;
  lines: Provenance;
  targets: Provenance;
  /** The transactions that split each line's annual realisation over the months. */
  spending: Provenance;
}
export interface DipaSpec {
  satkerCode: string;
  year: number;
  revisions: { authority: 'DJA' | 'DJPB'; date: string; description: string; provenance: Provenance }[];
  provenance: DipaProvenance;
  programmes: ProgrammeSpec[];
  lines: LineSpec[];
  schedule: SpendingSchedule;
}

/**
 * Splits a line's realised total over the payment dates by weight, never letting cumulative
 * spending exceed what the line could spend on that date (its ceiling minus blocked amount as
 * of the revisions approved by then), so the seeded history obeys the same rule as recordRealization.
 */
export function splitSpending(
  total: number,
  dates: string[],
  weights: number[],
  availableOn: (date: string) => number,
): { date: string; amount: number }[] {
  const weightSum = weights.reduce((s, w) => s + w, 0);
  const out: { date: string; amount: number }[] = [];
  let spent = 0;
  let cumulativeWeight = 0;
  dates.forEach((date, i) => {
    cumulativeWeight += weights[i];
    const wanted = i === dates.length - 1 ? total : Math.floor((total * cumulativeWeight) / weightSum);
    const cumulative = Math.min(wanted, availableOn(date));
    if (cumulative > spent) {
      out.push({ date, amount: cumulative - spent });
      spent = cumulative;
    }
  });
  if (spent !== total)
    throw new Error(`seed: cannot spend ${total} by ${dates[dates.length - 1]}; only ${spent} fits the ceilings`);
  return out;
}

/** Writes one DIPA with its hierarchy, revisions, line changes and transactions; returns revision ids by number. */
export async function seedDipa(
  m: EntityManager,
  spec: DipaSpec,
  documentSeq: { next: number },
): Promise<Map<number, number>> {
  const dipa = m.create(DipaEntity, { satkerCode: spec.satkerCode, year: spec.year, provenance: spec.provenance.dipa });
  await m.insert(DipaEntity, dipa);

  const revisionIds = new Map<number, number>();
  for (const [number, r] of spec.revisions.entries()) {
    const row = m.create(RevisionEntity, { dipaId: dipa.id, number, ...r });
    await m.insert(RevisionEntity, row);
    revisionIds.set(number, row.id);
  }

  const { outputIds, lineIds } = await writeDipaStructure(m, dipa.id, {
    programmes: spec.programmes,
    lines: spec.lines.map((l) => ({ ...l, provenance: spec.provenance.lines })),
  });
  const targets = spec.programmes
    .flatMap((p) => p.activities.flatMap((a) => a.outputs))
    .flatMap((o) =>
      Object.entries(o.targets).map(([n, volumeTarget]) => ({
        outputId: outputIds.get(o.code)!,
        revisionId: revisionIds.get(Number(n))!,
        volumeTarget,
        provenance: spec.provenance.targets,
      })),
    );
  if (targets.length) await m.insert(OutputTargetEntity, targets);

  const changes: Partial<LineChangeEntity>[] = [];
  const transactions: Partial<RealizationEntity>[] = [];
  for (const [i, l] of spec.lines.entries()) {
    const lineId = lineIds[i];
    spec.revisions.forEach((_r, n) => {
      const ceilingChange = l.changes[n] ?? 0;
      const blockedChange = l.blocked?.[n] ?? 0;
      if (ceilingChange || blockedChange || n === 0)
        changes.push({
          revisionId: revisionIds.get(n)!,
          lineId,
          ceilingChange,
          blockedChange,
          provenance: spec.provenance.lines,
        });
    });
    const availableOn = (date: string) =>
      spec.revisions.reduce((s, r, n) => (r.date <= date ? s + (l.changes[n] ?? 0) - (l.blocked?.[n] ?? 0) : s), 0);
    const weights = l.account.startsWith('51') ? spec.schedule.personnel : spec.schedule.other;
    for (const t of splitSpending(l.realized, spec.schedule.dates, weights, availableOn)) {
      transactions.push({
        lineId,
        date: t.date,
        amount: t.amount,
        documentNumber: `SP2D-SINTETIS-${spec.satkerCode}-${spec.year}-${String(documentSeq.next++).padStart(5, '0')}`,
        description: 'Reconstructed monthly split of the reported annual realisation',
        reversesId: null,
        provenance: spec.provenance.spending,
      });
    }
  }
  for (let i = 0; i < changes.length; i += 200) await m.insert(LineChangeEntity, changes.slice(i, i + 200));
  for (let i = 0; i < transactions.length; i += 200) await m.insert(RealizationEntity, transactions.slice(i, i + 200));
  await applyBudgetStatsDeltas(m, [
    ...changes.map((c) => ({
      lineId: c.lineId!,
      month: 0,
      ceiling: c.ceilingChange!,
      realized: 0,
      provenance: c.provenance!,
    })),
    ...transactions.map((t) => ({
      lineId: t.lineId!,
      month: monthOf(t.date!),
      ceiling: 0,
      realized: t.amount!,
      provenance: t.provenance!,
    })),
  ]);
  return revisionIds;
}
