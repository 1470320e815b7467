/** Indonesian number, money and date formats (91,60; Rp 8.179.753.000; 4 November 2022). */

const decimal = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const integer = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const rupiah = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});
// Axis ticks have room for "8,2 M" (miliar), not for twelve digits.
const compact = new Intl.NumberFormat('id-ID', { notation: 'compact', maximumFractionDigits: 1 });
const date = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** What a cell shows for a figure the graph has no value for (null). */
export const NONE = '–';

export const formatDecimal = (value: number | null | undefined): string =>
  value == null ? NONE : decimal.format(value);
export const formatInteger = (value: number | null | undefined): string =>
  value == null ? NONE : integer.format(value);
export const formatRupiah = (value: number | null | undefined): string => (value == null ? NONE : rupiah.format(value));
/** A chart tooltip's value (ECharts passes what the series holds: a number, or '-' or null for a gap). */
export const tooltipDecimal = (value: unknown): string => (typeof value === 'number' ? decimal.format(value) : NONE);
export const tooltipRupiah = (value: unknown): string => (typeof value === 'number' ? rupiah.format(value) : NONE);
export const formatCompactRupiah = (value: number): string => `Rp ${compact.format(value)}`;
/** A YYYY-MM-DD date of the graph, read as a calendar day (no time zone shift). */
export const formatDate = (iso: string): string => date.format(new Date(`${iso}T00:00:00Z`));

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
export const QUARTERS = ['TW I', 'TW II', 'TW III', 'TW IV'];

export const EXPENSE_TYPES: Record<string, string> = {
  PERSONNEL: 'Belanja pegawai',
  GOODS: 'Belanja barang',
  CAPITAL: 'Belanja modal',
};

/** Colours of the figures: below target is red, at or above it green, the target itself grey. */
export const COLOURS = {
  target: '#9aa5b1',
  realization: '#2f6fb0',
  good: '#2e8b57',
  below: '#c0392b',
  ceiling: '#9aa5b1',
  line: '#d9822b',
};
