import { nikProblem } from '../../services/training/src/participant/participant.nik';
import {
  allocateEnrollments,
  duration,
  enrollmentOutcome,
  importBatches,
  importCsv,
  IMPORT_HEADER,
  personIndex,
  planClasses,
  progressLine,
  syntheticPerson,
} from '../src/ministry.plan';

const UNITS = [
  { code: 'BBPPKS-BANDUNG', index: 1 },
  { code: 'BBPPKS-MAKASSAR', index: 5 },
  { code: 'BBPPKS-JAYAPURA', index: 7 },
];
const YEARS = [2021, 2022, 2023];

/** The ministry generator's plan: pure, so the same arguments give the same data and a rerun finds it. */
describe('ministry-scale plan', () => {
  it('splits exactly the asked enrollments over every unit and year, the same way every time', () => {
    const a = allocateEnrollments(1_000_003, UNITS, YEARS);
    expect(a).toHaveLength(9);
    expect(a.reduce((s, x) => s + x.enrollments, 0)).toBe(1_000_003);
    expect(allocateEnrollments(1_000_003, UNITS, [...YEARS].reverse())).toEqual(a);
    // Units differ in size; later years grow.
    const bandung = a.filter((x) => x.unit === 'BBPPKS-BANDUNG').map((x) => x.enrollments);
    expect(bandung[2]).toBeGreaterThan(bandung[0]);
    expect(new Set(a.filter((x) => x.year === 2021).map((x) => x.enrollments)).size).toBe(3);
    for (const x of a) expect(x.personOffset % 10).toBe(0);
    expect(() => allocateEnrollments(0, UNITS, YEARS)).toThrow(/at least 1/);
  });

  it('plans classes of 150-350 that hold every enrollment once, a share of them settled', () => {
    const [share] = allocateEnrollments(300_000, UNITS, YEARS);
    const classes = planClasses(share, 0.1);
    expect(planClasses(share, 0.1)).toEqual(classes);
    expect(classes.reduce((s, c) => s + c.size, 0)).toBe(share.enrollments);
    classes.forEach((c, i) => {
      expect(c.first).toBe(i ? classes[i - 1].first + classes[i - 1].size : 0);
      if (i < classes.length - 1) expect(c.size).toBeGreaterThanOrEqual(150);
      expect(c.size).toBeLessThanOrEqual(350);
      expect(c.startDate.startsWith(String(share.year))).toBe(true);
    });
    const settled = classes.filter((c) => c.settle).length;
    expect(settled).toBeGreaterThan(0);
    expect(settled).toBeLessThan(classes.length / 4);
    expect(planClasses(share, 0).some((c) => c.settle)).toBe(false);
    expect(() => planClasses(share, 2)).toThrow(/fraction/);
  });

  it('batches whole classes up to the row limit, in order', () => {
    const sizes = [100, 250, 120, 90, 300, 10].map((size) => ({ size }));
    const batches = importBatches(sizes, 400);
    expect(batches.map((b) => b.map((c) => c.size))).toEqual([
      [100, 250],
      [120, 90],
      [300, 10],
    ]);
    expect(importBatches([{ size: 900 }, { size: 1 }], 400).map((b) => b.length)).toEqual([1, 1]);
    expect(importBatches([], 400)).toEqual([]);
  });

  it('makes valid, distinct synthetic NIKs in district 00, and repeats only earlier people, each once a year', () => {
    const niks = new Set<string>();
    const problems: string[] = [];
    for (let p = 0; p < 20_000; p += 1) {
      const person = syntheticPerson('BBPPKS-MAKASSAR', 5, p * 97);
      const day = Number(person.nik.slice(6, 8));
      const wrong =
        nikProblem(person.nik) ??
        (person.nik.slice(4, 6) !== '00' ? 'district is not 00' : null) ??
        (!person.name.includes('Sintetis') ? 'name is not marked Sintetis' : null) ??
        (Number(person.birthDate.slice(8)) !== (day > 40 ? day - 40 : day) ? 'birth day differs from the NIK' : null) ??
        (day > 40 !== (person.gender === 'P') ? 'gender differs from the NIK' : null);
      if (wrong) problems.push(`${person.nik}: ${wrong}`);
      niks.add(person.nik);
    }
    expect(problems).toEqual([]);
    expect(niks.size).toBe(20_000);
    expect(syntheticPerson('BBPPKS-MAKASSAR', 5, 42)).toEqual(syntheticPerson('BBPPKS-MAKASSAR', 5, 42));
    // Another unit never shares a NIK (the regency digits hold the unit).
    expect(syntheticPerson('BBPPKS-JAYAPURA', 7, 42).nik.slice(2, 4)).not.toBe(
      syntheticPerson('BBPPKS-MAKASSAR', 5, 42).nik.slice(2, 4),
    );

    const shares = allocateEnrollments(20_000, UNITS, YEARS).filter((s) => s.unit === 'BBPPKS-BANDUNG');
    const first = new Set(Array.from({ length: shares[0].enrollments }, (_, j) => personIndex(shares[0], j)));
    const later = Array.from({ length: shares[1].enrollments }, (_, j) => personIndex(shares[1], j));
    expect(new Set(later).size).toBe(later.length);
    const repeats = later.filter((p) => p < shares[1].personOffset);
    expect(repeats.length).toBeGreaterThan(later.length * 0.08);
    for (const p of repeats) expect(first.has(p)).toBe(true);
    expect(first.size).toBe(shares[0].enrollments);
  });

  it('writes the registration list with the header the import reads and one row per enrollment', () => {
    const [share] = allocateEnrollments(1_000, UNITS, YEARS);
    const [c] = planClasses(share, 0);
    const csv = importCsv(share, [{ planned: c, id: '77' }]).split('\n');
    expect(csv[0]).toBe(IMPORT_HEADER);
    expect(csv).toHaveLength(c.size + 1);
    expect(csv[1].split(',')).toHaveLength(9);
    expect(csv[1].endsWith(',77')).toBe(true);
    expect(importCsv(share, [{ planned: c, id: '77' }])).toBe(csv.join('\n'));
  });

  it('settles the same enrollments the same way: about 5 % drop out, most graduate', () => {
    const outcomes = Array.from({ length: 2000 }, (_, k) => enrollmentOutcome('BBPPKS-BANDUNG/2022/0', k));
    expect(Array.from({ length: 2000 }, (_, k) => enrollmentOutcome('BBPPKS-BANDUNG/2022/0', k))).toEqual(outcomes);
    const dropped = outcomes.filter((o) => o.dropOut).length;
    expect(dropped).toBeGreaterThan(40);
    expect(dropped).toBeLessThan(200);
    const pass = outcomes.filter((o) => o.postTestScore >= 65).length;
    expect(pass / outcomes.length).toBeGreaterThan(0.75);
    expect(pass / outcomes.length).toBeLessThan(0.95);
  });

  it('shows rows, rate and ETA on the progress line', () => {
    expect(progressLine('enrollments', 250_000, 1_000_000, 50_000)).toBe(
      'enrollments [######..................] 250,000/1,000,000 (25.0 %) 5,000/s, 50s elapsed, ETA 2m30s',
    );
    expect(duration(3_725_000)).toBe('1h02m');
    expect(progressLine('enrollments', 0, 10, 0)).toContain('ETA ?');
  });
});
