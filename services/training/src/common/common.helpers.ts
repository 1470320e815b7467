import { BadInputError, decodeCursor, encodeCursor } from '@kesos/infra';
import { TrainingPageInfo } from './common.type';

export const MAX_PAGE_SIZE = 200;

/** Numeric ids travel as GraphQL IDs (strings); a malformed one is the clerk's input error. */
export function parseId(field: string, value: string | number): number {
  const id = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(id) || id < 1 || String(value).trim() !== String(id))
    throw new BadInputError(field, `${field} must be a positive whole number, got "${String(value)}"`);
  return id;
}

export interface PageWindow {
  take: number;
  /** Items have ids greater than this (keyset paging over ascending ids). */
  afterId: number;
}

export function pageWindow(first: number, after: string | null | undefined): PageWindow {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
    throw new BadInputError('first', `first must be between 1 and ${MAX_PAGE_SIZE}`);
  if (!after) return { take: first, afterId: 0 };
  let afterId: number;
  try {
    afterId = Number(decodeCursor(after));
  } catch {
    throw new BadInputError('after', 'after is not a cursor this list handed out');
  }
  if (!Number.isSafeInteger(afterId) || afterId < 0)
    throw new BadInputError('after', 'after is not a cursor this list handed out');
  return { take: first, afterId };
}

/** Rows were fetched with take + 1 so that one query also tells whether a next page exists. */
export function toPage<T extends { id: number }>(
  rows: T[],
  window: PageWindow,
): { nodes: T[]; pageInfo: TrainingPageInfo } {
  const nodes = rows.slice(0, window.take);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    pageInfo: { endCursor: last ? encodeCursor(last.id) : null, hasNextPage: rows.length > window.take },
  };
}

export const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** "Siti Rahma" -> "S*** R****": enough to match a person in front of you, not to look one up. */
export const maskName = (name: string): string =>
  name
    .trim()
    .split(/\s+/)
    .map((w) => `${[...w][0] ?? ''}${'*'.repeat(Math.max([...w].length - 1, 0))}`)
    .join(' ');
