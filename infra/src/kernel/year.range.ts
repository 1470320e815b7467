/**
 * The years this graph's records may belong to. One range everywhere, so a class, a DIPA and an
 * indicator target can all name the same years and a figure never refers to a year another
 * subgraph refuses.
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

/** A whole year from FIRST_YEAR to LAST_YEAR; callers word their own refusal. */
export function isYearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
}
