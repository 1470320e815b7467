import { BadInputError } from '@kesos/infra';

/** Numeric ids travel as GraphQL IDs (strings); a malformed one is the clerk's input error. */
export function parseId(field: string, value: string | number): number {
  const id = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(id) || id < 1 || String(value).trim() !== String(id))
    throw new BadInputError(field, `${field} must be a positive whole number, got "${String(value)}"`);
  return id;
}

export const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** "Siti Rahma" -> "S*** R****": enough to match a person in front of you, not to look one up. */
export const maskName = (name: string): string =>
  name
    .trim()
    .split(/\s+/)
    .map((w) => `${[...w][0] ?? ''}${'*'.repeat(Math.max([...w].length - 1, 0))}`)
    .join(' ');
