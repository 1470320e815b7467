/**
 * Dates travel as ISO `YYYY-MM-DD`. A date that matches the pattern but does not exist (2022-02-30)
 * is refused: JavaScript would roll it over into March.
 */
export function parseIsoDate(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? date : null;
}

export const isIsoDate = (value: string): boolean => parseIsoDate(value) !== null;
