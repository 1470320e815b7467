/**
 * Values of raw query rows (`getRawMany`): the drivers answer the same column differently
 * (MariaDB: BIGINT, DECIMAL and SUM as strings; SQLite: numbers), so raw values are read
 * through these and never cast.
 */

/** A raw numeric column as a number; null and undefined (e.g. a SUM over no rows) read as 0. */
export const rawNumber = (value: unknown): number => Number(value ?? 0);

/** A raw text or DATE column (dates come as 'YYYY-MM-DD' strings, see the data source options). */
export function rawText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  throw new TypeError(`a raw column value was ${value === null ? 'null' : typeof value}, not text`);
}

/** A nullable raw text column; an empty string reads as null. */
export const rawTextOrNull = (value: unknown): string | null =>
  value === null || value === undefined || value === '' ? null : rawText(value);
