/**
 * Synthetic data for the units and years the 2022 report does not cover, for aggregation across
 * centres and for load. It drives the public graph (gateway, admin token) through the same
 * mutations the centres' apps use, so every record passes the real validation and every figure
 * downstream (output volumes, indicators) is derived from events as it is for the seed.
 * Everything it writes is named "Sintetis"; NIKs use district 00, which no real district has.
 */

/** Runs one GraphQL operation; throws with the server's message on an error. */
// Response shapes differ per operation; each call site reads only what it asked for.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type GraphCall = (query: string, variables?: Record<string, unknown>) => Promise<any>;

export interface GenerateOptions {
  units: string[];
  years: number[];
  /** Multiplies every volume (1 = 30 PPM and 40 PPPS participants, 40 candidates, 20 LKS, 10 cases, 200 survey responses per unit and year). */
  scale: number;
  log?: (line: string) => void;
}

/** What was written for a unit and year; the graph's derived figures must agree with it. */
export interface UnitYearSummary {
  unit: string;
  year: number;
  skipped: boolean;
  satkerCode: string;
  participants: number;
  graduates: number;
  facilitatorGraduates: number;
  monitored: number;
  withLifeSkills: number;
  candidates: number;
  competent: number;
  lksAssessed: number;
  lksAccredited: number;
  cases: number;
  casesServed: number;
  surveyResponses: number;
  ceiling: number;
  realized: number;
}

/** What every record the generator writes is (the `provenance` of its inputs: data sintetis). */
export const SYNTHETIC = 'SYNTHETIC';

/** The report's unit: its data is the seed, never generated. */
export const REPORT_UNIT = 'BBPPKS-PADANG';

export const PROVINCE: Record<string, string> = {
  'BBPPKS-BANDUNG': 'Jawa Barat',
  'POLTEKESOS-BANDUNG': 'Jawa Barat',
  'BBPPKS-YOGYAKARTA': 'DI Yogyakarta',
  'B2P3KS-YOGYAKARTA': 'DI Yogyakarta',
  'BBPPKS-BANJARMASIN': 'Kalimantan Selatan',
  'BBPPKS-MAKASSAR': 'Sulawesi Selatan',
  'BBPPKS-JAYAPURA': 'Papua',
};
export const REGENCY = 'Kabupaten Sintetis';

/** mulberry32: the same unit and year always give the same data. */
export function random(seedText: string): () => number {
  let a = [...seedText].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 2654435761) >>> 0, 1779033703);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const day = (year: number, month: number, d: number) => `${year}-${pad(month, 2)}-${pad(d, 2)}`;

/** Satker code of a unit's synthetic budget: 99, the unit's position, 01. */
export const syntheticSatker = (unitIndex: number) => `99${pad(unitIndex + 1, 2)}01`;

/**
 * Synthetic NIK: province code from the unit's position, regency digits from the year,
 * district 00 (none exists), then a birth date and a serial unique within the unit and year.
 */
function nik(unitIndex: number, year: number, person: number, female: boolean): string {
  const birthDay = 1 + (person % 28) + (female ? 40 : 0);
  return `${11 + unitIndex * 10}${pad(year % 100, 2)}00${pad(birthDay, 2)}${pad(1 + (person % 12), 2)}${pad(70 + (person % 30), 2)}${pad(person + 1, 4)}`;
}

async function allEnrollments(call: GraphCall, classId: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const page: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = (
      await call(
        `query($c: ID!, $a: String) { enrollments(classId: $c, first: 200, after: $a) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { c: classId, a: after },
      )
    ).enrollments;
    ids.push(...page.nodes.map((n) => n.id));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return ids;
}

export async function programmeIds(call: GraphCall, unit: string): Promise<Map<string, string>> {
  const existing: { id: string; code: string }[] = (
    await call(`query($u: ID!) { programmes(unit: $u) { id code } }`, { u: unit })
  ).programmes;
  const ids = new Map(existing.map((p) => [p.code, p.id]));
  const wanted = [
    {
      code: 'PPM',
      name: 'Pelatihan Pemberdayaan Masyarakat (sintetis)',
      participantCategory: 'PM_KPM_PKH',
      budgetOutputCode: '6391.SCM.001',
      indicatorCode: 'SK3.1',
    },
    {
      code: 'PPPS',
      name: 'Pelatihan Pencegahan dan Penanganan Stunting bagi Pendamping PKH (sintetis)',
      participantCategory: 'PENDAMPING_PKH',
      budgetOutputCode: '6393.SCM.001',
      indicatorCode: 'SK2.2',
    },
  ];
  for (const p of wanted) {
    if (!ids.has(p.code))
      ids.set(
        p.code,
        (
          await call(`mutation($i: CreateProgrammeInput!) { createProgramme(input: $i) { id } }`, {
            i: { unit, ...p, description: 'Data sintetis', provenance: SYNTHETIC },
          })
        ).createProgramme.id,
      );
  }
  return ids;
}

/** The year's synthetic DIPA of a unit (its lines' ceilings drawn from `rand`) and its lines. */
export function syntheticDipa(
  unit: string,
  unitIndex: number,
  year: number,
  n: { ppm: number; ppps: number },
  rand: () => number,
) {
  const satkerCode = syntheticSatker(unitIndex);
  const million = (low: number, high: number) => Math.round(low + rand() * (high - low)) * 1_000_000;
  const lines = [
    { accountCode: '51', ceiling: million(3_000, 5_000) },
    { accountCode: '52', ceiling: million(1_000, 2_000) },
    {
      outputCode: '6391.SCM.001',
      componentCode: '051',
      componentName: 'Pelaksanaan Diklat (sintetis)',
      accountCode: '521211',
      goalCode: 'SK3',
      ceiling: million(200, 400),
    },
    {
      outputCode: '6393.SCM.001',
      componentCode: '051',
      componentName: 'Pelaksanaan Diklat (sintetis)',
      accountCode: '524111',
      goalCode: 'SK2',
      ceiling: million(400, 800),
    },
  ];
  const dipa = {
    unit,
    satkerCode,
    year,
    date: day(year - 1, 12, 1),
    description: `DIPA sintetis ${satkerCode}/${year}`,
    programmes: [
      {
        code: '027.DN',
        name: 'Program Perlindungan Sosial',
        activities: [
          {
            code: '6391',
            name: 'Pendidikan dan Pelatihan Pemberdayaan Masyarakat (sintetis)',
            outputs: [
              {
                kroCode: '6391.SCM',
                kroName: 'Pelatihan Bidang Sosial',
                code: '6391.SCM.001',
                name: 'Penyelenggaraan Diklat Pemberdayaan Masyarakat',
                volumeUnit: 'orang',
                volumeTarget: n.ppm,
              },
            ],
          },
          {
            code: '6393',
            name: 'Pendidikan dan Pelatihan Pendamping PKH (sintetis)',
            outputs: [
              {
                kroCode: '6393.SCM',
                kroName: 'Pelatihan Bidang Sosial',
                code: '6393.SCM.001',
                name: 'Pendamping Sosial PKH yang telah mengikuti Diklat',
                volumeUnit: 'orang',
                volumeTarget: n.ppps,
              },
            ],
          },
        ],
      },
    ],
    lines,
    provenance: SYNTHETIC,
  };
  return { satkerCode, dipa, lines };
}

export const OPEN_DIPA = `mutation($i: OpenDipaInput!) { openDipa(input: $i) { ceilingAfter } }`;

/** Opens the year's DIPA on the unit's synthetic satker (recording the satker the first time) and spends most of it. */
async function budget(
  call: GraphCall,
  unit: string,
  unitIndex: number,
  year: number,
  n: { ppm: number; ppps: number },
  rand: () => number,
  s: UnitYearSummary,
): Promise<void> {
  const { satkerCode, dipa, lines } = syntheticDipa(unit, unitIndex, year, n, rand);
  const OPEN = OPEN_DIPA;
  try {
    await call(OPEN, { i: { ...dipa, newSatker: { name: `Satker Sintetis ${unit}`, organisation: 'Data sintetis' } } });
  } catch (err) {
    if (!(err as Error).message.includes('already recorded')) throw err;
    await call(OPEN, { i: dipa });
  }
  s.ceiling = lines.reduce((sum, l) => sum + l.ceiling, 0);
  let document = 0;
  for (const l of lines) {
    const share = Math.floor((l.ceiling * (0.9 + rand() * 0.09)) / 12);
    for (let month = 1; month <= 12; month++) {
      await call(`mutation($i: RecordRealizationInput!) { recordRealization(input: $i) { id } }`, {
        i: {
          satkerCode,
          year,
          outputCode: l.outputCode ?? null,
          componentCode: l.componentCode ?? null,
          accountCode: l.accountCode,
          date: day(year, month, 25),
          amount: share,
          documentNumber: `SP2D-SINTETIS-${satkerCode}-${year}-${pad(++document, 4)}`,
          description: 'Data sintetis',
          provenance: SYNTHETIC,
        },
      });
      s.realized += share;
    }
  }
  const score = () => Math.round((85 + rand() * 12) * 100) / 100;
  await call(`mutation($i: RecordBudgetPerformanceInput!) { recordBudgetPerformance(input: $i) { year } }`, {
    i: { unitCode: unit, year, smartScore: score(), ikpaScore: score(), note: 'Data sintetis', provenance: SYNTHETIC },
  });
  s.satkerCode = satkerCode;
}

/** One class from registration list to closing: bulk import, attendance, tests, graduation or failure. */
async function runClass(
  call: GraphCall,
  unit: string,
  unitIndex: number,
  year: number,
  programmeId: string,
  size: number,
  first: number,
  month: number,
  category: string,
  rand: () => number,
  s: UnitYearSummary,
): Promise<{ graduated: string[] }> {
  const province = PROVINCE[unit] ?? 'Provinsi Sintetis';
  const cls = (
    await call(`mutation($i: CreateTrainingClassInput!) { createTrainingClass(input: $i) { id } }`, {
      i: {
        programmeId,
        province,
        regency: REGENCY,
        startDate: day(year, month, 7),
        endDate: day(year, month, 11),
        capacity: size,
        targetParticipants: size,
        satkerCode: syntheticSatker(unitIndex),
        provenance: SYNTHETIC,
      },
    })
  ).createTrainingClass.id as string;
  const rows = Array.from({ length: size }, (_, i) => {
    const person = first + i;
    const female = rand() < 0.5;
    const education = ['SD', 'SMP', 'SMA', 'SMA', 'DIII', 'S1'][Math.floor(rand() * 6)];
    return [
      nik(unitIndex, year, person, female),
      `Peserta Sintetis ${unit} ${year} ${pad(person + 1, 4)}`,
      female ? 'P' : 'L',
      day(1970 + (person % 30), 1 + (person % 12), 1 + (person % 28)),
      education,
      category,
      province,
      REGENCY,
      cls,
    ].join(',');
  });
  const csv = [
    'nik,nama,jenis kelamin,tanggal lahir,pendidikan,kategori,provinsi,kabupaten/kota,id angkatan',
    ...rows,
  ].join('\n');
  const job = (
    await call(`mutation($i: ImportParticipantsInput!) { importParticipants(input: $i) { status message } }`, {
      i: { unit, format: 'CSV', contentBase64: Buffer.from(csv).toString('base64'), provenance: SYNTHETIC },
    })
  ).importParticipants;
  if (job.status !== 'IMPORTED')
    throw new Error(`synthetic import into class ${cls} ended ${job.status}: ${job.message}`);
  s.participants += size;

  await call(`mutation($c: ID!) { startTrainingClass(classId: $c) { status } }`, { c: cls });
  const graduated: string[] = [];
  for (const id of await allEnrollments(call, cls)) {
    await call(`mutation($e: ID!) { markAttendance(enrollmentId: $e) { status } }`, { e: id });
    const post = Math.round((60 + rand() * 38) * 100) / 100;
    await call(`mutation($i: RecordTestScoresInput!) { recordTestScores(input: $i) { postTestScore } }`, {
      i: { enrollmentId: id, preTestScore: Math.round((40 + rand() * 30) * 100) / 100, postTestScore: post },
    });
    if (post >= 65) {
      await call(`mutation($i: GraduateEnrollmentInput!) { graduateEnrollment(input: $i) { status } }`, {
        i: { enrollmentId: id },
      });
      graduated.push(id);
    } else {
      await call(`mutation($e: ID!) { failEnrollment(enrollmentId: $e) { status } }`, { e: id });
    }
  }
  await call(`mutation($c: ID!) { closeTrainingClass(classId: $c) { status } }`, { c: cls });
  s.graduates += graduated.length;
  return { graduated };
}

async function training(
  call: GraphCall,
  unit: string,
  unitIndex: number,
  year: number,
  n: { ppm: number; ppps: number },
  rand: () => number,
  s: UnitYearSummary,
): Promise<void> {
  const programmes = await programmeIds(call, unit);
  const ppm = await runClass(call, unit, unitIndex, year, programmes.get('PPM')!, n.ppm, 0, 3, 'PM/KPM PKH', rand, s);
  const ppps = await runClass(
    call,
    unit,
    unitIndex,
    year,
    programmes.get('PPPS')!,
    n.ppps,
    n.ppm,
    5,
    'Pendamping PKH',
    rand,
    s,
  );
  s.facilitatorGraduates = ppps.graduated.length;
  for (const id of ppm.graduated) {
    const flags = {
      marketingImproved: rand() < 0.7,
      permitsObtained: rand() < 0.3,
      quantityImproved: rand() < 0.6,
      qualityImproved: rand() < 0.5,
    };
    const r = (
      await call(`mutation($i: AssessAlumniInput!) { assessAlumni(input: $i) { hasLifeSkills } }`, {
        i: { enrollmentId: id, assessedOn: day(year, 9, 15), notes: 'Data sintetis', ...flags, provenance: SYNTHETIC },
      })
    ).assessAlumni;
    s.monitored += 1;
    if (r.hasLifeSkills) s.withLifeSkills += 1;
  }
}

async function certification(
  call: GraphCall,
  unit: string,
  year: number,
  count: number,
  rand: () => number,
  s: UnitYearSummary,
): Promise<void> {
  const province = PROVINCE[unit] ?? 'Provinsi Sintetis';
  const session = (
    await call(`mutation($i: ScheduleCertificationSessionInput!) { scheduleCertificationSession(input: $i) { id } }`, {
      i: {
        unit,
        name: `Uji Kompetensi Sintetis ${year}`,
        province,
        regency: REGENCY,
        startDate: day(year, 7, 4),
        endDate: day(year, 7, 6),
        provenance: SYNTHETIC,
      },
    })
  ).scheduleCertificationSession.id;
  const categories = ['TKS', 'RS', 'PEKSOS', 'PENYULUH_SOSIAL'];
  for (let i = 0; i < count; i++) {
    const candidate = (
      await call(
        `mutation($i: RegisterCertificationCandidateInput!) { registerCertificationCandidate(input: $i) { id } }`,
        {
          i: {
            unit,
            year,
            name: `Asesi Sintetis ${unit} ${year} ${pad(i + 1, 4)}`,
            category: categories[i % 4],
            originProvince: province,
            originRegency: REGENCY,
            provenance: SYNTHETIC,
          },
        },
      )
    ).registerCertificationCandidate.id;
    const competent = rand() < 0.95;
    await call(
      `mutation($i: RecordCertificationAssessmentInput!) { recordCertificationAssessment(input: $i) { id } }`,
      {
        i: {
          sessionId: session,
          candidateId: candidate,
          assessedOn: day(year, 7, 4 + (i % 3)),
          result: competent ? 'KOMPETEN' : 'BELUM_KOMPETEN',
          provenance: SYNTHETIC,
        },
      },
    );
    s.candidates += 1;
    if (competent) s.competent += 1;
  }
}

async function accreditation(
  call: GraphCall,
  unit: string,
  year: number,
  count: number,
  rand: () => number,
  s: UnitYearSummary,
): Promise<void> {
  const province = PROVINCE[unit] ?? 'Provinsi Sintetis';
  const kinds = ['CHILDREN', 'ELDERLY', 'DISABILITY', 'SOCIAL_REHABILITATION', 'COMMUNITY'];
  for (let i = 0; i < count; i++) {
    const lks = (
      await call(`mutation($i: RegisterLksInstitutionInput!) { registerLksInstitution(input: $i) { id } }`, {
        i: {
          unit,
          name: `LKS Sintetis ${unit} ${year} ${pad(i + 1, 3)}`,
          kind: kinds[i % 5],
          province,
          regency: REGENCY,
          provenance: SYNTHETIC,
        },
      })
    ).registerLksInstitution.id;
    const roll = rand();
    const result = roll < 0.3 ? 'A' : roll < 0.65 ? 'B' : roll < 0.85 ? 'C' : 'NOT_ACCREDITED';
    const visit = day(year, 8 + (i % 3), 1 + (i % 27));
    await call(`mutation($i: RecordAccreditationInput!) { recordAccreditation(input: $i) { id } }`, {
      i: {
        institutionId: lks,
        visitDate: visit,
        decidedOn: day(year, 8 + (i % 3), 2 + (i % 27)),
        result,
        assessorTeam: ['Asesor Sintetis 1', 'Asesor Sintetis 2'],
        provenance: SYNTHETIC,
      },
    });
    s.lksAssessed += 1;
    if (result !== 'NOT_ACCREDITED') s.lksAccredited += 1;
  }
}

async function atensi(
  call: GraphCall,
  unit: string,
  year: number,
  count: number,
  rand: () => number,
  s: UnitYearSummary,
): Promise<void> {
  const province = PROVINCE[unit] ?? 'Provinsi Sintetis';
  const types = ['RESPON_KASUS', 'TANGGAP_DARURAT_BENCANA', 'DUKUNGAN_PSIKOSOSIAL', 'SENTRA_KREASI_ATENSI'];
  for (let i = 0; i < count; i++) {
    const month = 2 + (i % 10);
    const id = (
      await call(`mutation($i: OpenAtensiCaseInput!) { openAtensiCase(input: $i) { id } }`, {
        i: {
          unit,
          serviceType: types[i % 4],
          province,
          regency: REGENCY,
          receivedOn: day(year, month, 10),
          description: 'Kasus sintetis',
          provenance: SYNTHETIC,
        },
      })
    ).openAtensiCase.id;
    const served = rand() < 0.97;
    await call(`mutation($i: CloseAtensiCaseInput!) { closeAtensiCase(input: $i) { id } }`, {
      i: { caseId: id, closedOn: day(year, month, 17), served, peopleServed: served ? 1 + Math.floor(rand() * 4) : 0 },
    });
    s.cases += 1;
    if (served) s.casesServed += 1;
  }
}

async function survey(
  call: GraphCall,
  unit: string,
  year: number,
  count: number,
  rand: () => number,
  s: UnitYearSummary,
): Promise<void> {
  const educations = ['SD', 'SMP', 'SMA', 'DIII', 'S1', 'S2'];
  const responses = Array.from({ length: count }, () => ({
    answers: Array.from({ length: 9 }, () => (rand() < 0.65 ? 4 : rand() < 0.9 ? 3 : 2)),
    gender: rand() < 0.5 ? 'FEMALE' : 'MALE',
    education: educations[Math.min(5, Math.floor(rand() * 7))],
  }));
  await call(
    `mutation($u: ID!, $y: Int!, $r: [SurveyResponseInput!]!, $p: Provenance) { importSurveyResponses(unitCode: $u, year: $y, responses: $r, provenance: $p) { imported } }`,
    { u: unit, y: year, r: responses, p: SYNTHETIC },
  );
  s.surveyResponses = count;
}

/**
 * The unit's plan (the report unit's Renstra, when it has none) and the entered SAKIP indicator:
 * like the report, the year's SK5.1 is the unit's SAKIP score of the year before, when recorded.
 */
export async function performance(call: GraphCall, unit: string, year: number): Promise<void> {
  const plan = (
    await call(`query($u: ID!, $y: Int!) { unit(code: $u) { strategicPlan(year: $y) { fromYear } } }`, {
      u: unit,
      y: year,
    })
  ).unit.strategicPlan;
  if (!plan)
    await call(`mutation($i: AdoptStrategicPlanInput!) { adoptStrategicPlan(input: $i) { fromYear } }`, {
      i: { unitCode: unit, templateUnitCode: REPORT_UNIT, year, provenance: SYNTHETIC },
    });
  const sakip: { score: number; unit: { code: string } }[] = (
    await call(`query($y: Int!) { sakipEvaluations(year: $y) { score unit { code } } }`, { y: year - 1 })
  ).sakipEvaluations;
  const score = sakip.find((e) => e.unit.code === unit)?.score;
  if (score !== undefined) {
    await call(`mutation($i: EnterRealizationInput!) { enterIndicatorRealization(input: $i) { code } }`, {
      i: {
        unitCode: unit,
        year,
        indicatorCode: 'SK5.1',
        value: score,
        note: `SAKIP score of ${year - 1} (berdasarkan nilai tahun sebelumnya); entered by the synthetic generator`,
        provenance: SYNTHETIC,
      },
    });
  }
}

/**
 * Generates every unit and year asked for, one unit-year after another. A completed unit-year is
 * skipped, so running twice adds nothing; one an earlier run broke off is refused, not doubled.
 */
export async function generateSynthetic(call: GraphCall, options: GenerateOptions): Promise<UnitYearSummary[]> {
  const log = options.log ?? (() => undefined);
  if (!(options.scale > 0 && options.scale <= 100)) throw new Error('scale must be more than 0 and at most 100');
  const thisYear = new Date().getUTCFullYear();
  for (const y of options.years)
    if (!Number.isInteger(y) || y < 2018 || y > thisYear - 1)
      throw new Error(`years must be completed years from 2018 to ${thisYear - 1}; got ${y}`);
  if (options.units.includes(REPORT_UNIT))
    throw new Error(`${REPORT_UNIT} holds the report's own data and is never generated`);
  const known: { code: string }[] = (await call(`{ units { code } }`)).units;
  const order = known.map((u) => u.code);
  for (const u of options.units)
    if (!order.includes(u)) throw new Error(`unit ${u} is not registered; registered: ${order.join(', ')}`);

  const size = (base: number) => Math.max(1, Math.round(base * options.scale));
  const n = { ppm: size(30), ppps: size(40) };
  const summaries: UnitYearSummary[] = [];
  for (const unit of options.units) {
    const unitIndex = order.indexOf(unit);
    for (const year of options.years) {
      const s: UnitYearSummary = {
        unit,
        year,
        skipped: false,
        satkerCode: syntheticSatker(unitIndex),
        participants: 0,
        graduates: 0,
        facilitatorGraduates: 0,
        monitored: 0,
        withLifeSkills: 0,
        candidates: 0,
        competent: 0,
        lksAssessed: 0,
        lksAccredited: 0,
        cases: 0,
        casesServed: 0,
        surveyResponses: 0,
        ceiling: 0,
        realized: 0,
      };
      // The survey is written last: with it, the unit-year is complete; with only the DIPA, an earlier run broke off.
      const state = (
        await call(
          `query($u: ID!, $y: Int!) { unit(code: $u) { budget(year: $y) { satkers { code } } satisfactionSurvey(year: $y) { respondents } } }`,
          { u: unit, y: year },
        )
      ).unit;
      const started = (state.budget?.satkers ?? []).some((x: { code: string }) => x.code === s.satkerCode);
      if (started && state.satisfactionSurvey) {
        log(`${unit} ${year}: already generated, skipped`);
        summaries.push({ ...s, skipped: true });
        continue;
      }
      if (started)
        throw new Error(
          `${unit} ${year} was left half-generated by an earlier run; generate into empty databases (embedded mode: delete ./data)`,
        );
      const rand = random(`${unit}/${year}`);
      await budget(call, unit, unitIndex, year, n, rand, s);
      await training(call, unit, unitIndex, year, n, rand, s);
      await certification(call, unit, year, size(40), rand, s);
      await accreditation(call, unit, year, size(20), rand, s);
      await atensi(call, unit, year, size(10), rand, s);
      await performance(call, unit, year);
      await survey(call, unit, year, size(200), rand, s);
      log(
        `${unit} ${year}: ${s.participants} participants (${s.graduates} graduated), ${s.candidates} certification candidates, ${s.lksAssessed} LKS, ${s.cases} ATENSI cases, ${s.surveyResponses} survey responses, DIPA Rp ${s.ceiling.toLocaleString('id-ID')}`,
      );
      summaries.push(s);
    }
  }
  return summaries;
}
