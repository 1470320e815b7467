/**
 * NIK (Nomor Induk Kependudukan): 16 digits = province (2), regency (2), district (2), birth day
 * (2, plus 40 for women), birth month (2), birth year (2), serial (4). Returns the reason it is
 * not a valid NIK, or null.
 */
export function nikProblem(nik: string): string | null {
  if (!/^\d{16}$/.test(nik)) return 'NIK must be exactly 16 digits';
  const province = Number(nik.slice(0, 2));
  if (province < 11 || province > 94)
    return `NIK starts with province code ${nik.slice(0, 2)}, which no province has (11-94)`;
  const day = Number(nik.slice(6, 8));
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71)))
    return `NIK digits 7-8 (${nik.slice(6, 8)}) are not a birth day (01-31, or 41-71 for women)`;
  const month = Number(nik.slice(8, 10));
  if (month < 1 || month > 12) return `NIK digits 9-10 (${nik.slice(8, 10)}) are not a birth month (01-12)`;
  if (nik.slice(12) === '0000') return 'NIK serial (last 4 digits) cannot be 0000';
  return null;
}
