import { decodeCursor, encodeCursor } from '../context/list.helpers';
import { BadInputError } from '../errors/app.errors';
import type { Connection } from './connection.type';

export const DEFAULT_MAX_PAGE_SIZE = 200;

/** A forward page over ascending numeric ids (keyset paging): rows with id > afterId, at most `take`. */
export interface PageWindow {
  take: number;
  afterId: number;
}

/** Checks `first` and `after` as the caller gave them; a bad one is the caller's mistake, named. */
export function pageWindow(
  first: number,
  after: string | null | undefined,
  maxSize: number = DEFAULT_MAX_PAGE_SIZE,
): PageWindow {
  if (!Number.isInteger(first) || first < 1 || first > maxSize)
    throw new BadInputError('first', `first must be between 1 and ${maxSize}`);
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

/**
 * Rows were fetched with take + 1 so that one query also tells whether a next page exists;
 * `count` runs only if the client selects totalCount.
 */
export function toConnection<R extends { id: number }>(
  rows: R[],
  window: PageWindow,
  count: () => Promise<number>,
): Connection<R>;
export function toConnection<R extends { id: number }, T>(
  rows: R[],
  window: PageWindow,
  count: () => Promise<number>,
  map: (row: R) => T,
): Connection<T>;
export function toConnection<R extends { id: number }, T>(
  rows: R[],
  window: PageWindow,
  count: () => Promise<number>,
  map?: (row: R) => T,
): Connection<R | T> {
  const page = rows.slice(0, window.take);
  const edges = page.map((row) => ({ cursor: encodeCursor(row.id), node: map ? map(row) : row }));
  let total: Promise<number> | undefined;
  return {
    nodes: edges.map((e) => e.node),
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
      hasNextPage: rows.length > window.take,
      hasPreviousPage: window.afterId > 0,
    },
    get totalCount() {
      total ??= count();
      return total;
    },
  };
}
