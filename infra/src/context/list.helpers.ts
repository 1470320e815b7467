/** Orders batch results to match the keys, as DataLoader requires. */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}

/** Groups batch results per key, for one-to-many loaders. */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/** Rounds half away from zero to `digits` decimals, the rule for every percentage and score. */
export function roundHalfUp(value: number, digits = 2): number {
  const factor = 10 ** digits;
  // The epsilon corrects binary representation (1.005 is stored as 1.00499...).
  return (Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9)) / factor;
}

/** Whether a number has at most two decimals (the DECIMAL(_,2) scores and targets), allowing for binary fractions. */
export const hasAtMost2Decimals = (value: number): boolean => Math.abs(Math.round(value * 100) - value * 100) <= 1e-6;

/** part / whole x 100, rounded half-up to 2 decimals; null when whole is 0. */
export function percentage(part: number, whole: number): number | null {
  if (!whole) return null;
  return roundHalfUp((part * 100) / whole, 2);
}

/** Opaque keyset cursor over an ordered numeric id. */
export const encodeCursor = (id: number | string): string => Buffer.from(`c:${id}`).toString('base64url');
export function decodeCursor(cursor: string): string {
  const raw = Buffer.from(cursor, 'base64url').toString();
  if (!raw.startsWith('c:')) throw new Error('invalid cursor');
  return raw.slice(2);
}
