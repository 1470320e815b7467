import type { LineChangeEntity, RevisionEntity } from './revision.entity';
import { type BudgetRevision, type LineChange, RevisionAuthority } from './revision.type';

/** The stored authority as the API enum; the compiler checks that every stored value has one. */
const AUTHORITY: Record<RevisionEntity['authority'], RevisionAuthority> = {
  DJA: RevisionAuthority.DJA,
  DJPB: RevisionAuthority.DJPB,
};

/** A DIPA state with its figures: the net change it made and the ceiling after it. */
export function toBudgetRevision(
  r: RevisionEntity,
  figures: { ceilingChange: number; ceilingAfter: number },
): BudgetRevision {
  return {
    id: r.id,
    number: r.number,
    authority: AUTHORITY[r.authority],
    date: r.date,
    description: r.description,
    ceilingAfter: figures.ceilingAfter,
    ceilingChange: figures.ceilingChange,
    provenance: r.provenance,
  };
}

export function toLineChange(c: LineChangeEntity): LineChange {
  return { lineId: c.lineId, ceilingChange: c.ceilingChange, blockedChange: c.blockedChange, provenance: c.provenance };
}
