import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows per INSERT: well under SQLite's bound-parameter limit, few round trips on MariaDB. */
export const SEED_CHUNK = 500;

/** Multi-row inserts in chunks, so thousands of seed rows cost a handful of statements. */
export async function insertInChunks<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  rows: T[],
  chunk = SEED_CHUNK,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk)
    await m
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + chunk))
      .updateEntity(false)
      .execute();
}

/**
 * Spreads k marks evenly over n positions: true for exactly k of i = 0..n-1. Used where the
 * report gives only a total, so that the marked records are not bunched at one end.
 */
export const spread = (n: number, k: number, i: number): boolean =>
  Math.floor(((i + 1) * k) / n) > Math.floor((i * k) / n);

/** ISO date `days` after an ISO date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Regencies and cities of the eight work-area provinces (public place names), used as the
 * synthetic origin of seeded people, institutions and cases.
 */
export const WORK_AREA_PLACES: Record<string, string[]> = {
  Aceh: ['Kota Banda Aceh', 'Kabupaten Aceh Besar', 'Kota Lhokseumawe', 'Kabupaten Pidie'],
  'Sumatera Utara': ['Kota Medan', 'Kabupaten Deli Serdang', 'Kota Pematangsiantar', 'Kabupaten Simalungun'],
  Riau: ['Kota Pekanbaru', 'Kabupaten Kampar', 'Kota Dumai'],
  'Kepulauan Riau': ['Kota Batam', 'Kota Tanjungpinang', 'Kabupaten Bintan'],
  'Sumatera Barat': [
    'Kota Padang',
    'Kabupaten Padang Pariaman',
    'Kota Bukittinggi',
    'Kabupaten Agam',
    'Kabupaten Pasaman Barat',
  ],
  Jambi: ['Kota Jambi', 'Kabupaten Muaro Jambi', 'Kabupaten Batanghari'],
  Bengkulu: ['Kota Bengkulu', 'Kabupaten Rejang Lebong', 'Kabupaten Bengkulu Utara'],
  'Sumatera Selatan': ['Kota Palembang', 'Kabupaten Ogan Ilir', 'Kabupaten Banyuasin', 'Kota Lubuklinggau'],
};
