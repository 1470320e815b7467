import type { AccreditationResult } from './accreditation.type';
import { VALIDITY_YEARS } from './accreditation.type';

/**
 * Last day an accreditation is valid: the decision date plus 5 (A), 3 (B) or 2 (C) years,
 * minus one day; null when not accredited. A decision of 29 February ends on 28 February.
 */
export function validUntil(result: AccreditationResult, decidedOn: string): string | null {
  const years = VALIDITY_YEARS[result];
  if (years === null) return null;
  const [y, m, d] = decidedOn.split('-').map(Number) as [number, number, number];
  // Date.UTC rolls 29 Feb of a non-leap year to 1 March; the day before is then 28 Feb.
  const end = new Date(Date.UTC(y + years, m - 1, d) - 86_400_000);
  return end.toISOString().slice(0, 10);
}
