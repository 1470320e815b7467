/**
 * Indonesian number and date formats as the LAKIP prints them: a dot groups thousands, a comma
 * marks decimals (91,60; 8.179.753.000), months by name (15 Februari 2023). Written by hand, not
 * with Intl: the result must not depend on the ICU data the Node build carries.
 */

const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/** Dots between groups of three digits of a string of digits: 8179753000 -> 8.179.753.000. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * A number with a fixed count of decimals, Indonesian separators: 91.6 -> "91,60", 1508 with 0
 * decimals -> "1.508". The value is rounded half away from zero, the project's rule for
 * percentages and scores; the figures the graph answers are already rounded, so this only pads.
 */
export function formatDecimal(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) throw new RangeError(`decimals: ${decimals}`);
  const factor = 10 ** decimals;
  // The epsilon corrects binary representation (115.955 is stored as 115.95499...), as roundHalfUp in infra.
  const scaled = Math.round(Math.abs(value) * factor + 1e-9);
  const whole = Math.floor(scaled / factor);
  const fraction = scaled - whole * factor;
  const sign = value < 0 && scaled !== 0 ? '-' : '';
  const decimalPart = decimals ? `,${String(fraction).padStart(decimals, '0')}` : '';
  return `${sign}${groupThousands(String(whole))}${decimalPart}`;
}

/** A count: 1508 -> "1.508". */
export const formatInteger = (value: number): string => formatDecimal(value, 0);

/** Whole rupiah as printed: 8179753000 -> "Rp 8.179.753.000"; negative amounts (a ceiling cut) "-Rp 18.810.406.000". */
export function formatRupiah(value: number | bigint | string): string {
  const text = String(value);
  if (!/^-?\d+$/.test(text)) throw new RangeError(`rupiah are whole numbers: ${text}`);
  const negative = text.startsWith('-') && /[1-9]/.test(text);
  const digits = text.replace(/^-/, '').replace(/^0+(?=\d)/, '');
  return `${negative ? '-' : ''}Rp ${groupThousands(digits)}`;
}

/** An ISO date (YYYY-MM-DD, as the graph answers dates) in words: "2023-02-15" -> "15 Februari 2023". */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not an ISO date: ${iso}`);
  const [, year, month, day] = match;
  const m = Number(month);
  const d = Number(day);
  const daysInMonth = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth) throw new RangeError(`not a calendar date: ${iso}`);
  return `${d} ${MONTHS[m - 1]} ${year}`;
}

/** A year and month (YYYY-MM, as agreements record their signing) in words: "2022-09" -> "September 2022". */
export function formatMonth(yearMonth: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  const m = match ? Number(match[2]) : 0;
  if (!match || m < 1 || m > 12) throw new RangeError(`not a year and month: ${yearMonth}`);
  return `${MONTHS[m - 1]} ${match[1]}`;
}
