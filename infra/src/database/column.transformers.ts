import type { ValueTransformer } from 'typeorm';

/**
 * Whole rupiah in BIGINT columns. MariaDB returns BIGINT as a string; we convert to a number
 * and refuse anything beyond 2^53, which no budget of a unit comes near.
 */
export const rupiah: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | bigint | null) => {
    if (value === null || value === undefined) return value;
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isSafeInteger(n)) throw new Error(`rupiah value ${String(value)} is not a safe integer`);
    return n;
  },
};

/** DECIMAL columns (scores) come back as strings from MariaDB; the API wants numbers. */
export const decimal: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};
