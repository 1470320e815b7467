/**
 * The ministry-scale generator's plan, as pure functions of its arguments: how many enrollments
 * each unit and year gets, the classes (angkatan) that hold them, the import batches they are
 * sent in, and every synthetic person. The same arguments always give the same plan, so a second
 * run finds what the first one wrote and a broken-off run continues where it stopped.
 */
import { day, pad, random } from './synthetic.generator';

export const MINISTRY_ENROLLMENTS = 1_000_000;
/** Rows per importParticipants call: whole classes, far under the 32 MB request limit (~130 bytes a row, base64). */
export const IMPORT_BATCH_ROWS = 40_000;
/** Root fields per request: the gateway's alias limit (QUERY_LIMITS.maxAliases). */
export const ALIASES_PER_REQUEST = 15;
/** Every tenth enrollment of a later year is a person trained before by the same unit. */
const REPEAT_EVERY = 10;

export type ProgrammeCode = 'PPM' | 'PPPS';

export interface UnitRef {
  code: string;
  /** Position among the registered units: the satker code and the NIK's regency digits come from it. */
  index: number;
}

/** One unit and year of the plan: its enrollments and where its fresh people start in the unit's person numbering. */
export interface UnitYearShare {
  unit: string;
  unitIndex: number;
  year: number;
  enrollments: number;
  /** Fresh people of this unit-year are numbered from here; earlier years used the numbers below it. */
  personOffset: number;
}

/**
 * Splits `total` enrollments over the units and years: each unit has its own size (0.7-1.3),
 * each year grows 5 %, and the largest remainders make the sum exactly `total`.
 */
export function allocateEnrollments(total: number, units: UnitRef[], years: number[]): UnitYearShare[] {
  if (!Number.isInteger(total) || total < 1) throw new Error('enrollments must be a whole number of at least 1');
  if (!units.length || !years.length) throw new Error('at least one unit and one year are needed');
  const sortedYears = [...years].sort((a, b) => a - b);
  const cells = units.flatMap((u) => {
    const size = 0.7 + 0.6 * random(`ministry/${u.code}`)();
    return sortedYears.map((year) => ({ u, year, weight: size * (1 + 0.05 * (year - sortedYears[0])) }));
  });
  const sum = cells.reduce((s, c) => s + c.weight, 0);
  const exact = cells.map((c) => (total * c.weight) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((s, n) => s + n, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    counts[i]++;
    left--;
  }
  const offsets = new Map<string, number>();
  return cells.map((c, i) => {
    const personOffset = offsets.get(c.u.code) ?? 0;
    // Offsets stay multiples of REPEAT_EVERY, so a repeat can point at a person who was fresh (see personIndex).
    offsets.set(c.u.code, personOffset + Math.ceil(counts[i] / REPEAT_EVERY) * REPEAT_EVERY);
    return { unit: c.u.code, unitIndex: c.u.index, year: c.year, enrollments: counts[i], personOffset };
  });
}

/**
 * The person of the unit-year's j-th enrollment (0-based), numbered within the unit. Every tenth
 * enrollment of a later year is someone of an earlier year (a person numbered 1 mod 10, never a
 * repeat themselves, so they exist once that year is written), all distinct within the year.
 */
export function personIndex(share: UnitYearShare, j: number): number {
  if (j % REPEAT_EVERY === 0) {
    const earlier = (j / REPEAT_EVERY) * REPEAT_EVERY + 1;
    if (earlier < share.personOffset) return earlier;
  }
  return share.personOffset + j;
}

export interface PlannedClass {
  programme: ProgrammeCode;
  /** Enrollments in it; its capacity. */
  size: number;
  /** Index, within the unit-year, of its first enrollment. */
  first: number;
  startDate: string;
  endDate: string;
  /** Run to its end (attendance, tests, graduation, failure or drop-out, closing); the others stay REGISTERED. */
  settle: boolean;
}

/** Classes of 150-350 people, PPM or PPPS, over the year; about `settleFraction` of them are run to their end. */
export function planClasses(share: UnitYearShare, settleFraction: number): PlannedClass[] {
  if (!(settleFraction >= 0 && settleFraction <= 1)) throw new Error('settle must be a fraction from 0 to 1');
  const rand = random(`ministry/${share.unit}/${share.year}/classes`);
  const classes: PlannedClass[] = [];
  for (let first = 0; first < share.enrollments;) {
    const size = Math.min(share.enrollments - first, 150 + Math.floor(rand() * 201));
    const month = 1 + Math.floor(rand() * 12);
    const startDay = 1 + Math.floor(rand() * 20);
    classes.push({
      programme: rand() < 0.55 ? 'PPM' : 'PPPS',
      size,
      first,
      startDate: day(share.year, month, startDay),
      endDate: day(share.year, month, startDay + 4),
      settle: rand() < settleFraction,
    });
    first += size;
  }
  return classes;
}

/** Consecutive whole classes per import, each import at most `maxRows` rows (a larger class goes alone). */
export function importBatches<T extends { size: number }>(classes: T[], maxRows: number): T[][] {
  if (!(maxRows >= 1)) throw new Error('batch rows must be at least 1');
  const batches: T[][] = [];
  let current: T[] = [];
  let rows = 0;
  for (const c of classes) {
    if (current.length && rows + c.size > maxRows) {
      batches.push(current);
      current = [];
      rows = 0;
    }
    current.push(c);
    rows += c.size;
  }
  if (current.length) batches.push(current);
  return batches;
}

/** Splits a list into groups of at most `size` (one request each). */
export function groups<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Real province codes and names (the NIK's first two digits); participants come from all of them. */
export const PROVINCES: [string, string][] = [
  ['11', 'Aceh'],
  ['12', 'Sumatera Utara'],
  ['13', 'Sumatera Barat'],
  ['14', 'Riau'],
  ['15', 'Jambi'],
  ['16', 'Sumatera Selatan'],
  ['17', 'Bengkulu'],
  ['18', 'Lampung'],
  ['19', 'Kepulauan Bangka Belitung'],
  ['21', 'Kepulauan Riau'],
  ['31', 'DKI Jakarta'],
  ['32', 'Jawa Barat'],
  ['33', 'Jawa Tengah'],
  ['34', 'DI Yogyakarta'],
  ['35', 'Jawa Timur'],
  ['36', 'Banten'],
  ['51', 'Bali'],
  ['52', 'Nusa Tenggara Barat'],
  ['53', 'Nusa Tenggara Timur'],
  ['61', 'Kalimantan Barat'],
  ['62', 'Kalimantan Tengah'],
  ['63', 'Kalimantan Selatan'],
  ['64', 'Kalimantan Timur'],
  ['65', 'Kalimantan Utara'],
  ['71', 'Sulawesi Utara'],
  ['72', 'Sulawesi Tengah'],
  ['73', 'Sulawesi Selatan'],
  ['74', 'Sulawesi Tenggara'],
  ['75', 'Gorontalo'],
  ['76', 'Sulawesi Barat'],
  ['81', 'Maluku'],
  ['82', 'Maluku Utara'],
  ['91', 'Papua'],
  ['92', 'Papua Barat'],
];

/** The province most of a unit's participants come from (its own). */
const HOME_PROVINCE: Record<string, string> = {
  'BBPPKS-PADANG': '13',
  'BBPPKS-BANDUNG': '32',
  'POLTEKESOS-BANDUNG': '32',
  'BBPPKS-YOGYAKARTA': '34',
  'B2P3KS-YOGYAKARTA': '34',
  'BBPPKS-BANJARMASIN': '63',
  'BBPPKS-MAKASSAR': '73',
  'BBPPKS-JAYAPURA': '91',
};

const EDUCATIONS = ['SD', 'SMP', 'SMA', 'SMA', 'SMA', 'DIII', 'S1', 'S1', 'S2'];

/** 32-bit integer hash of two numbers (a murmur3 finalizer), for per-person choices without a generator each. */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface SyntheticPerson {
  nik: string;
  name: string;
  gender: 'P' | 'L';
  birthDate: string;
  education: string;
  province: string;
}

/**
 * The unit's person number `p`, always the same. NIK: province (from where the person comes),
 * regency 9 + the unit's position (ministry mode; the ordinary mode uses the year's digits),
 * district 00 (none exists), birth day (+40 for women), month, year, and a serial: day, month,
 * year and serial together are unique per person number, so NIKs never repeat within a unit.
 */
export function syntheticPerson(unit: string, unitIndex: number, p: number): SyntheticPerson {
  const h = mix(unitIndex + 1, p);
  const home = HOME_PROVINCE[unit];
  const [code, province] =
    home && h % 10 < 6
      ? (PROVINCES.find(([c]) => c === home) ?? PROVINCES[0])
      : PROVINCES[(h >>> 4) % PROVINCES.length];
  const female = ((h >>> 12) & 1) === 1;
  const birthDay = 1 + (p % 28);
  const birthMonth = 1 + (Math.floor(p / 28) % 12);
  const birthYear = 1960 + (Math.floor(p / 336) % 40);
  const serial = 1 + Math.floor(p / 13_440);
  if (serial > 9999) throw new Error(`person ${p} is beyond the NIK serial range of a unit`);
  return {
    nik: `${code}9${unitIndex % 10}00${pad(birthDay + (female ? 40 : 0), 2)}${pad(birthMonth, 2)}${pad(birthYear % 100, 2)}${pad(serial, 4)}`,
    name: `Peserta Sintetis ${unit} ${pad(p + 1, 7)}`,
    gender: female ? 'P' : 'L',
    birthDate: day(birthYear, birthMonth, birthDay),
    education: EDUCATIONS[(h >>> 16) % EDUCATIONS.length],
    province,
  };
}

export const IMPORT_HEADER =
  'nik,nama,jenis kelamin,tanggal lahir,pendidikan,kategori,provinsi,kabupaten/kota,id angkatan';
const CATEGORY: Record<ProgrammeCode, string> = { PPM: 'PM/KPM PKH', PPPS: 'Pendamping PKH' };

/** The registration list of one import: the rows of its classes, each class with the id it got. */
export function importCsv(share: UnitYearShare, batch: { planned: PlannedClass; id: string }[]): string {
  const lines = [IMPORT_HEADER];
  for (const { planned, id } of batch) {
    for (let j = planned.first; j < planned.first + planned.size; j++) {
      const person = syntheticPerson(share.unit, share.unitIndex, personIndex(share, j));
      lines.push(
        `${person.nik},${person.name},${person.gender},${person.birthDate},${person.education},${CATEGORY[planned.programme]},${person.province},Kabupaten Sintetis,${id}`,
      );
    }
  }
  return lines.join('\n');
}

/** What happens to the k-th enrollment (in id order) of a settled class, always the same for the same class. */
export function enrollmentOutcome(
  classSeed: string,
  k: number,
): { dropOut: boolean; preTestScore: number; postTestScore: number } {
  const h = mix(
    [...classSeed].reduce((s, c) => Math.imul(s ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261),
    k,
  );
  const unit = (shift: number) => ((h >>> shift) & 0xff) / 256;
  return {
    dropOut: unit(0) < 0.05,
    preTestScore: Math.round((40 + unit(8) * 30) * 100) / 100,
    // 60-98: about 85 % reach 65 and graduate, the rest fail.
    postTestScore: Math.round((60 + unit(16) * 38) * 100) / 100,
  };
}

/** One progress line: rows done of the total, the rate so far and the time left at that rate. */
export function progressLine(label: string, done: number, total: number, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const share = total ? Math.min(1, done / total) : 1;
  const width = 24;
  const filled = Math.round(share * width);
  const eta = rate > 0 ? duration(((total - done) / rate) * 1000) : '?';
  return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${(share * 100).toFixed(1)} %) ${Math.round(rate).toLocaleString('en-US')}/s, ${duration(elapsedMs)} elapsed, ETA ${eta}`;
}

export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${pad(Math.floor((s % 3600) / 60), 2)}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m${pad(s % 60, 2)}s`
      : `${s}s`;
}
