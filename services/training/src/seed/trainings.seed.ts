import { Provenance, writeEvents, type NewEvent } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { TrainingClassEntity } from '../class/class.entity';
import { classClosedEvent } from '../class/class.events';
import { EnrollmentEntity } from '../enrollment/enrollment.entity';
import { rebuildTrainingStats } from '../stats/stats.service';
import { graduatedEvent } from '../enrollment/enrollment.events';
import { certificateNumber, predicateFor } from '../enrollment/enrollment.service';
import { AlumniMonitoringEntity } from '../monitoring/monitoring.entity';
import { monitoringAssessedEvent } from '../monitoring/monitoring.events';
import { ParticipantEntity } from '../participant/participant.entity';
import { participantRow } from '../participant/participant.service';
import { ProgrammeEntity } from '../programme/programme.entity';
import { bulkInsert } from '../common/common.bulk';
import { addDays, pad, WORK_AREA_PLACES } from './seed.helpers';
import type { ClassRunPlan } from './trainings.plan';
import { CLASS_RUNS, MONITORING_FROM, PROGRAMMES, PROVINCE_CODES, SEED_UNIT } from './trainings.plan';
import { PADANG_WORK_AREA } from './units.seed';

/**
 * Programmes, classes, participants, enrollments and alumni monitoring of BBPPKS Padang,
 * 2018-2022, as records (see trainings.plan.ts for what comes from the report and how its totals
 * are split): all RECONSTRUCTED but the two programmes the report describes. Every person is SYNTHETIC: "Peserta Sintetis 00001" and so on, with NIKs whose
 * district digits are 00, a code no district has, so no generated NIK can be a real person's.
 * A fixed pseudo-random sequence makes every run produce the same people and scores.
 */

/** mulberry32: small, fast and deterministic; nothing here needs cryptographic randomness. */
function sequence(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const share = (total: number, parts: number, i: number): number =>
  Math.floor(((i + 1) * total) / parts) - Math.floor((i * total) / parts);
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

function pickWeighted<T extends string>(r: number, weights: [T, number][]): T {
  let acc = 0;
  for (const [value, w] of weights) if (r < (acc += w)) return value;
  return weights[weights.length - 1][0];
}

const PROFILES: Record<string, { female: number; age: [number, number]; education: [string, number][] }> = {
  PPM: {
    female: 0.85,
    age: [25, 55],
    education: [
      ['SD', 0.3],
      ['SMP', 0.35],
      ['SMA', 0.35],
    ],
  },
  PPPS: {
    female: 0.62,
    age: [24, 45],
    education: [
      ['SMA', 0.1],
      ['DIII', 0.15],
      ['S1', 0.7],
      ['S2', 0.05],
    ],
  },
  'DIKLAT-PKH': {
    female: 0.6,
    age: [24, 45],
    education: [
      ['SMA', 0.1],
      ['DIII', 0.15],
      ['S1', 0.7],
      ['S2', 0.05],
    ],
  },
  'DIKLAT-KESOS': {
    female: 0.5,
    age: [22, 55],
    education: [
      ['SMA', 0.5],
      ['DIII', 0.1],
      ['S1', 0.35],
      ['S2', 0.05],
    ],
  },
};

export async function seedTrainings(m: EntityManager): Promise<void> {
  const rand = sequence(2022);
  const programmes = PROGRAMMES.map((p, i): ProgrammeEntity => ({ id: i + 1, unitCode: SEED_UNIT, ...p }));
  const programmeByCode = new Map(programmes.map((p) => [p.code, p]));
  const provinces = PADANG_WORK_AREA.map(([name]) => name);

  const classes: TrainingClassEntity[] = [];
  const participants: ParticipantEntity[] = [];
  const enrollments: EnrollmentEntity[] = [];
  const monitorings: AlumniMonitoringEntity[] = [];
  const events: NewEvent<unknown>[] = [];
  const serials = new Map<string, number>();

  const placeOf = (run: ClassRunPlan, i: number): [string, string] => {
    if (run.places) return run.places[i % run.places.length];
    const province = provinces[i % provinces.length];
    const places = WORK_AREA_PLACES[province] ?? [province];
    return [province, places[Math.floor(i / provinces.length) % places.length]];
  };

  const person = (run: ClassRunPlan, province: string, regency: string): ParticipantEntity => {
    const profile = PROFILES[run.programme];
    const female = rand() < profile.female;
    const age = profile.age[0] + Math.floor(rand() * (profile.age[1] - profile.age[0] + 1));
    const birthDate = addDays(`${run.year - age}-01-01`, Math.floor(rand() * 365));
    const regencyCode = pad((WORK_AREA_PLACES[province] ?? []).indexOf(regency) + 1 || 99, 2);
    const day = Number(birthDate.slice(8, 10)) + (female ? 40 : 0);
    const prefix = `${PROVINCE_CODES[province]}${regencyCode}00${pad(day, 2)}${birthDate.slice(5, 7)}${birthDate.slice(2, 4)}`;
    const serial = (serials.get(prefix) ?? 0) + 1;
    serials.set(prefix, serial);
    const category =
      run.programme === 'DIKLAT-KESOS'
        ? rand() < 0.3
          ? 'TKSP'
          : 'TKSM'
        : programmeByCode.get(run.programme)!.participantCategory;
    const id = participants.length + 1;
    const row = participantRow(
      SEED_UNIT,
      {
        nik: `${prefix}${pad(serial, 4)}`,
        name: `Peserta Sintetis ${pad(id, 5)}`,
        gender: female ? 'FEMALE' : 'MALE',
        birthDate,
        education: pickWeighted(rand(), profile.education),
        category,
        originProvince: province,
        originRegency: regency,
      },
      Provenance.RECONSTRUCTED,
    );
    const p = { id, ...row };
    participants.push(p);
    return p;
  };

  for (const run of CLASS_RUNS) {
    const programme = programmeByCode.get(run.programme)!;
    const span = daysBetween(run.from, run.to);
    for (let i = 0; i < run.classes; i++) {
      const [province, regency] = placeOf(run, i);
      const startDate = addDays(run.from, Math.floor((i * span) / Math.max(run.classes - 1, 1)));
      const endDate = addDays(startDate, run.days - 1);
      const batch = run.firstBatch + i;
      const graduates = share(run.graduates, run.classes, i);
      const cls: TrainingClassEntity = {
        id: classes.length + 1,
        unitCode: SEED_UNIT,
        programmeId: programme.id,
        year: run.year,
        batch,
        name: `${programme.code} Angkatan ${batch} Tahun ${run.year}`,
        province,
        regency,
        startDate,
        endDate,
        capacity: Math.max(run.capacity, graduates),
        targetParticipants: share(run.target, run.classes, i),
        status: 'CLOSED',
        satkerCode: run.satker,
        graduates,
        provenance: Provenance.RECONSTRUCTED,
      };
      classes.push(cls);
      for (let g = 0; g < graduates; g++) {
        const p = person(run, province, regency);
        const pre = Math.round((40 + rand() * 30) * 100) / 100;
        const post = Math.round((80 + rand() * 18) * 100) / 100;
        const id = enrollments.length + 1;
        const e: EnrollmentEntity = {
          id,
          unitCode: SEED_UNIT,
          classId: cls.id,
          participantId: p.id,
          status: 'GRADUATED',
          registeredOn: addDays(startDate, -14),
          attendedOn: startDate,
          preTestScore: pre,
          postTestScore: post,
          predicate: predicateFor(post),
          certificateNumber: certificateNumber(SEED_UNIT, programme.code, run.year, id, (n) => Math.floor(rand() * n)),
          certificateIssuedOn: endDate,
          endedOn: endDate,
          dropOutReason: null,
          provenance: Provenance.RECONSTRUCTED,
        };
        enrollments.push(e);
        if (run.events) events.push(graduatedEvent(e, cls, programme, p.category, `${endDate}T08:00:00.000Z`));
        if (run.monitoring) {
          // Every 2022 PPM alumnus shows progress in at least one aspect (SK3.1: 100%).
          const aspects = {
            marketingImproved: rand() < 0.8,
            permitsObtained: rand() < 0.35,
            quantityImproved: rand() < 0.7,
            qualityImproved: rand() < 0.6,
          };
          if (!Object.values(aspects).some(Boolean)) aspects.marketingImproved = true;
          const assessedOn = addDays(MONITORING_FROM, monitorings.length % 12);
          const mon: AlumniMonitoringEntity = {
            id: monitorings.length + 1,
            unitCode: SEED_UNIT,
            enrollmentId: id,
            year: run.year,
            assessedOn,
            ...aspects,
            hasLifeSkills: true,
            notes: 'Monev kecakapan hidup akhir tahun 2022 (data sintetis)',
            provenance: Provenance.RECONSTRUCTED,
          };
          monitorings.push(mon);
          events.push(monitoringAssessedEvent(mon, programme.code, `${assessedOn}T08:00:00.000Z`));
        }
      }
      if (run.events) events.push(classClosedEvent(cls, programme, graduates, graduates, `${endDate}T10:00:00.000Z`));
    }
  }

  await bulkInsert(m, ProgrammeEntity, programmes);
  await bulkInsert(m, TrainingClassEntity, classes);
  await bulkInsert(m, ParticipantEntity, participants);
  await bulkInsert(m, EnrollmentEntity, enrollments);
  await bulkInsert(m, AlumniMonitoringEntity, monitorings);
  await rebuildTrainingStats(m);
  events.sort((a, b) => (a.occurredAt! < b.occurredAt! ? -1 : a.occurredAt! > b.occurredAt! ? 1 : 0));
  await writeEvents(m, events);
}
