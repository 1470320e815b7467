/**
 * One case per Mutation of the supergraph, in an order where each right caller's success makes
 * the next case possible (a class is created, then started, then enrolled in, ...). Inputs are
 * valid, so the only reason to refuse a wrong caller is who they are.
 */
export const UNIT = 'BBPPKS-PADANG';
export const OTHER_UNIT = 'BBPPKS-BANDUNG';

/** Ids the cases hand on to each other. */
export type MatrixState = Record<string, string>;

// Response shapes differ per mutation; each case reads only what it selected.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AdminCall = (query: string, variables?: Record<string, unknown>) => Promise<any>;

export interface MutationCase {
  mutation: string;
  /** operator: the unit's operator (or an admin); admin: admins only. */
  writer: 'operator' | 'admin';
  document: string;
  variables(state: MatrixState): Record<string, unknown>;
  /** Keeps what later cases need from the right caller's result. */
  keep?(result: Record<string, unknown>, state: MatrixState): void;
  /** State an admin puts in place after this case, for the cases that follow. */
  after?(admin: AdminCall, state: MatrixState): Promise<void>;
}

const answers = [4, 4, 3, 4, 4, 3, 4, 4, 4];
const id = (result: Record<string, unknown>, field: string): string => (result[field] as { id: string }).id;
const csv = (rows: string[], classId: string) =>
  Buffer.from(
    [
      'nik,nama,jenis kelamin,tanggal lahir,pendidikan,kategori,provinsi,kabupaten/kota,id angkatan',
      ...rows.map((r) => `${r},${classId}`),
    ].join('\n'),
  ).toString('base64');
const dipa = (satkerCode: string) => ({
  unit: UNIT,
  satkerCode,
  year: 2023,
  date: '2022-12-01',
  description: `DIPA matriks ${satkerCode}`,
  newSatker: { name: `Satker Matriks ${satkerCode}`, organisation: 'Data sintetis' },
  programmes: [
    {
      code: '027.DN',
      name: 'Program Perlindungan Sosial',
      activities: [
        {
          code: '6391',
          name: 'Diklat (sintetis)',
          outputs: [
            {
              kroCode: '6391.SCM',
              kroName: 'Pelatihan Bidang Sosial',
              code: '6391.SCM.001',
              name: 'Diklat Pemberdayaan Masyarakat',
              volumeUnit: 'orang',
              volumeTarget: 10,
            },
          ],
        },
      ],
    },
  ],
  lines: [
    {
      outputCode: '6391.SCM.001',
      componentCode: '051',
      componentName: 'Pelaksanaan Diklat (sintetis)',
      accountCode: '521211',
      ceiling: 100_000_000,
    },
  ],
});
const lineOf = async (admin: AdminCall, satkerCode: string): Promise<string> => {
  const budget = (await admin(`{ unit(code: "${UNIT}") { budget(year: 2023) { satkers { code lines { id } } } } }`))
    .unit.budget;
  return budget.satkers.find((s: { code: string }) => s.code === satkerCode).lines[0].id;
};

export const MUTATION_CASES: MutationCase[] = [
  {
    mutation: 'registerUnit',
    writer: 'admin',
    document: `mutation($i: RegisterUnitInput!) { registerUnit(input: $i) { code } }`,
    variables: () => ({ i: { code: 'BBPPKS-MATRIKS', name: 'Unit Matriks Sintetis' } }),
  },
  {
    mutation: 'createProgramme',
    writer: 'operator',
    document: `mutation($i: CreateProgrammeInput!) { createProgramme(input: $i) { id } }`,
    variables: () => ({
      i: { unit: UNIT, code: 'MTX', name: 'Program Matriks Sintetis', participantCategory: 'PENDAMPING_PKH' },
    }),
    keep: (r, s) => (s.programme = id(r, 'createProgramme')),
  },
  {
    mutation: 'createTrainingClass',
    writer: 'operator',
    document: `mutation($i: CreateTrainingClassInput!) { createTrainingClass(input: $i) { id } }`,
    variables: (s) => ({
      i: {
        programmeId: s.programme,
        province: 'Sumatera Barat',
        regency: 'Kota Padang',
        startDate: '2023-03-06',
        endDate: '2023-03-10',
        capacity: 10,
        targetParticipants: 10,
      },
    }),
    keep: (r, s) => (s.class = id(r, 'createTrainingClass')),
  },
  {
    mutation: 'registerParticipant',
    writer: 'operator',
    document: `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id } }`,
    variables: () => ({
      i: {
        unit: UNIT,
        nik: '1371001205900901',
        name: 'Peserta Matriks Sintetis',
        gender: 'MALE',
        birthDate: '1990-05-12',
        education: 'SMA',
        category: 'PENDAMPING_PKH',
      },
    }),
    keep: (r, s) => (s.participant = id(r, 'registerParticipant')),
  },
  {
    mutation: 'enrollParticipant',
    writer: 'operator',
    document: `mutation($i: EnrollParticipantInput!) { enrollParticipant(input: $i) { id } }`,
    variables: (s) => ({ i: { classId: s.class, participantId: s.participant } }),
    keep: (r, s) => (s.enrollment = id(r, 'enrollParticipant')),
  },
  {
    mutation: 'importParticipants',
    writer: 'operator',
    document: `mutation($i: ImportParticipantsInput!) { importParticipants(input: $i) { status message } }`,
    variables: (s) => ({
      i: {
        unit: UNIT,
        format: 'CSV',
        contentBase64: csv(
          [
            '1371001306910902,Peserta Matriks Dua,L,1991-06-13,SMA,Pendamping PKH,Sumatera Barat,Kota Padang',
            '1371001407920903,Peserta Matriks Tiga,L,1992-07-14,SMA,Pendamping PKH,Sumatera Barat,Kota Padang',
          ],
          s.class,
        ),
      },
    }),
    keep: (r) => {
      const job = r.importParticipants as { status: string; message: string | null };
      if (job.status !== 'IMPORTED') throw new Error(`the matrix's import ended ${job.status}: ${job.message}`);
    },
    after: async (admin, s) => {
      const nodes: { id: string }[] = (
        await admin(`query($c: ID!) { enrollments(classId: $c, first: 10) { nodes { id } } }`, { c: s.class })
      ).enrollments.nodes;
      [s.failing, s.leaving] = nodes.filter((n) => n.id !== s.enrollment).map((n) => n.id);
    },
  },
  {
    mutation: 'startTrainingClass',
    writer: 'operator',
    document: `mutation($c: ID!) { startTrainingClass(classId: $c) { status } }`,
    variables: (s) => ({ c: s.class }),
    after: async (admin, s) => {
      await admin(`mutation($e: ID!) { markAttendance(enrollmentId: $e) { status } }`, { e: s.failing });
    },
  },
  {
    mutation: 'markAttendance',
    writer: 'operator',
    document: `mutation($e: ID!) { markAttendance(enrollmentId: $e) { status } }`,
    variables: (s) => ({ e: s.enrollment }),
  },
  {
    mutation: 'recordTestScores',
    writer: 'operator',
    document: `mutation($i: RecordTestScoresInput!) { recordTestScores(input: $i) { status } }`,
    variables: (s) => ({ i: { enrollmentId: s.enrollment, preTestScore: 60, postTestScore: 85 } }),
  },
  {
    mutation: 'graduateEnrollment',
    writer: 'operator',
    document: `mutation($i: GraduateEnrollmentInput!) { graduateEnrollment(input: $i) { status } }`,
    variables: (s) => ({ i: { enrollmentId: s.enrollment } }),
  },
  {
    mutation: 'failEnrollment',
    writer: 'operator',
    document: `mutation($e: ID!) { failEnrollment(enrollmentId: $e) { status } }`,
    variables: (s) => ({ e: s.failing }),
  },
  {
    mutation: 'dropOutEnrollment',
    writer: 'operator',
    document: `mutation($i: DropOutEnrollmentInput!) { dropOutEnrollment(input: $i) { status } }`,
    variables: (s) => ({ i: { enrollmentId: s.leaving, reason: 'Pindah domisili (sintetis)' } }),
  },
  {
    mutation: 'closeTrainingClass',
    writer: 'operator',
    document: `mutation($c: ID!) { closeTrainingClass(classId: $c) { status } }`,
    variables: (s) => ({ c: s.class }),
  },
  {
    mutation: 'assessAlumni',
    writer: 'operator',
    document: `mutation($i: AssessAlumniInput!) { assessAlumni(input: $i) { id } }`,
    variables: (s) => ({
      i: {
        enrollmentId: s.enrollment,
        assessedOn: '2023-09-15',
        marketingImproved: true,
        permitsObtained: false,
        quantityImproved: true,
        qualityImproved: false,
      },
    }),
  },
  {
    mutation: 'scheduleCertificationSession',
    writer: 'operator',
    document: `mutation($i: ScheduleCertificationSessionInput!) { scheduleCertificationSession(input: $i) { id } }`,
    variables: () => ({
      i: {
        unit: UNIT,
        name: 'Uji Kompetensi Matriks',
        province: 'Sumatera Barat',
        regency: 'Kota Padang',
        startDate: '2023-07-04',
        endDate: '2023-07-06',
      },
    }),
    keep: (r, s) => (s.session = id(r, 'scheduleCertificationSession')),
  },
  {
    mutation: 'registerCertificationCandidate',
    writer: 'operator',
    document: `mutation($i: RegisterCertificationCandidateInput!) { registerCertificationCandidate(input: $i) { id } }`,
    variables: () => ({
      i: {
        unit: UNIT,
        year: 2023,
        name: 'Asesi Matriks Sintetis',
        category: 'TKS',
        originProvince: 'Sumatera Barat',
        originRegency: 'Kota Padang',
      },
    }),
    keep: (r, s) => (s.candidate = id(r, 'registerCertificationCandidate')),
  },
  {
    mutation: 'recordCertificationAssessment',
    writer: 'operator',
    document: `mutation($i: RecordCertificationAssessmentInput!) { recordCertificationAssessment(input: $i) { id } }`,
    variables: (s) => ({
      i: { sessionId: s.session, candidateId: s.candidate, assessedOn: '2023-07-05', result: 'KOMPETEN' },
    }),
  },
  {
    mutation: 'registerLksInstitution',
    writer: 'operator',
    document: `mutation($i: RegisterLksInstitutionInput!) { registerLksInstitution(input: $i) { id } }`,
    variables: () => ({
      i: {
        unit: UNIT,
        name: 'LKS Matriks Sintetis',
        kind: 'ELDERLY',
        province: 'Sumatera Barat',
        regency: 'Kota Padang',
      },
    }),
    keep: (r, s) => (s.lks = id(r, 'registerLksInstitution')),
  },
  {
    mutation: 'recordAccreditation',
    writer: 'operator',
    document: `mutation($i: RecordAccreditationInput!) { recordAccreditation(input: $i) { id } }`,
    variables: (s) => ({
      i: {
        institutionId: s.lks,
        visitDate: '2023-08-01',
        decidedOn: '2023-08-02',
        result: 'B',
        assessorTeam: ['Asesor Sintetis 1'],
      },
    }),
  },
  {
    mutation: 'setAccreditationTarget',
    writer: 'operator',
    document: `mutation($i: SetAccreditationTargetInput!) { setAccreditationTarget(input: $i) { year } }`,
    variables: () => ({ i: { unit: UNIT, year: 2023, institutions: 20 } }),
  },
  {
    mutation: 'openAtensiCase',
    writer: 'operator',
    document: `mutation($i: OpenAtensiCaseInput!) { openAtensiCase(input: $i) { id } }`,
    variables: () => ({
      i: {
        unit: UNIT,
        serviceType: 'RESPON_KASUS',
        province: 'Sumatera Barat',
        regency: 'Kota Padang',
        receivedOn: '2023-02-10',
        description: 'Kasus matriks sintetis',
      },
    }),
    keep: (r, s) => (s.case = id(r, 'openAtensiCase')),
  },
  {
    mutation: 'closeAtensiCase',
    writer: 'operator',
    document: `mutation($i: CloseAtensiCaseInput!) { closeAtensiCase(input: $i) { id } }`,
    variables: (s) => ({ i: { caseId: s.case, closedOn: '2023-02-17', served: true, peopleServed: 2 } }),
  },
  {
    mutation: 'openDipa',
    writer: 'operator',
    document: `mutation($i: OpenDipaInput!) { openDipa(input: $i) { number } }`,
    variables: () => ({ i: dipa('777001') }),
    after: async (admin, s) => {
      await admin(`mutation($i: OpenDipaInput!) { openDipa(input: $i) { number } }`, { i: dipa('777002') });
      s.line1 = await lineOf(admin, '777001');
      s.line2 = await lineOf(admin, '777002');
    },
  },
  {
    mutation: 'recordRealization',
    writer: 'operator',
    document: `mutation($i: RecordRealizationInput!) { recordRealization(input: $i) { id } }`,
    variables: () => ({
      i: {
        satkerCode: '777001',
        year: 2023,
        outputCode: '6391.SCM.001',
        componentCode: '051',
        accountCode: '521211',
        date: '2023-03-25',
        amount: 1_000_000,
        documentNumber: 'SP2D-MATRIKS-0001',
        description: 'Belanja matriks',
      },
    }),
    keep: (r, s) => (s.transaction = id(r, 'recordRealization')),
  },
  {
    mutation: 'reverseRealization',
    writer: 'operator',
    document: `mutation($i: ReverseRealizationInput!) { reverseRealization(input: $i) { id } }`,
    variables: (s) => ({
      i: {
        transactionId: s.transaction,
        date: '2023-03-26',
        documentNumber: 'KOREKSI-MATRIKS-0001',
        reason: 'Salah akun',
      },
    }),
  },
  {
    mutation: 'recordBudgetRevision',
    writer: 'operator',
    document: `mutation($i: RecordRevisionInput!) { recordBudgetRevision(input: $i) { number } }`,
    variables: (s) => ({
      i: {
        satkerCode: '777001',
        year: 2023,
        date: '2023-04-01',
        authority: 'DJPB',
        description: 'Revisi matriks',
        changes: [{ lineId: s.line1, ceilingChange: -5_000_000 }],
      },
    }),
  },
  {
    mutation: 'recordBudgetTransfer',
    writer: 'operator',
    document: `mutation($i: RecordBudgetTransferInput!) { recordBudgetTransfer(input: $i) { id } }`,
    variables: (s) => ({
      i: {
        year: 2023,
        date: '2023-05-02',
        description: 'Pergeseran matriks',
        closeFromSatker: false,
        from: { satkerCode: '777001', authority: 'DJPB', changes: [{ lineId: s.line1, ceilingChange: -1_000_000 }] },
        to: { satkerCode: '777002', authority: 'DJPB', changes: [{ lineId: s.line2, ceilingChange: 1_000_000 }] },
      },
    }),
  },
  {
    mutation: 'recordBudgetPerformance',
    writer: 'operator',
    document: `mutation($i: RecordBudgetPerformanceInput!) { recordBudgetPerformance(input: $i) { year } }`,
    variables: () => ({ i: { unitCode: UNIT, year: 2023, smartScore: 90.5, ikpaScore: 91.25 } }),
  },
  {
    mutation: 'recordOutputVolume',
    writer: 'operator',
    document: `mutation($i: RecordOutputVolumeInput!) { recordOutputVolume(input: $i) { id } }`,
    variables: () => ({
      i: { satkerCode: '690552', year: 2022, outputCode: '6398.EBA.994', quantity: 1, date: '2022-12-30' },
    }),
    keep: (r, s) => (s.volumeEntry = id(r, 'recordOutputVolume')),
  },
  {
    mutation: 'reverseOutputVolume',
    writer: 'operator',
    document: `mutation($i: ReverseOutputVolumeInput!) { reverseOutputVolume(input: $i) { id } }`,
    variables: (s) => ({ i: { entryId: s.volumeEntry, date: '2022-12-31', reason: 'Salah RO' } }),
  },
  {
    mutation: 'adoptStrategicPlan',
    writer: 'admin',
    document: `mutation($i: AdoptStrategicPlanInput!) { adoptStrategicPlan(input: $i) { fromYear } }`,
    variables: () => ({ i: { unitCode: 'BBPPKS-MAKASSAR', templateUnitCode: UNIT, year: 2022 } }),
  },
  {
    mutation: 'setIndicatorTarget',
    writer: 'operator',
    document: `mutation($i: SetIndicatorTargetInput!) { setIndicatorTarget(input: $i) { fromYear } }`,
    variables: () => ({ i: { unitCode: UNIT, year: 2023, indicatorCode: 'SK1.1', target: 75 } }),
  },
  {
    mutation: 'enterIndicatorRealization',
    writer: 'operator',
    document: `mutation($i: EnterRealizationInput!) { enterIndicatorRealization(input: $i) { code } }`,
    variables: () => ({ i: { unitCode: UNIT, year: 2023, indicatorCode: 'SK5.1', value: 80.5 } }),
  },
  {
    mutation: 'signPerformanceAgreement',
    writer: 'operator',
    document: `mutation($i: SignAgreementInput!) { signPerformanceAgreement(input: $i) { version } }`,
    variables: () => ({
      i: {
        unitCode: UNIT,
        year: 2023,
        title: 'Perjanjian Kinerja Matriks',
        signatories: [
          { party: 'FIRST', positionTitle: 'Kepala Balai' },
          { party: 'SECOND', positionTitle: 'Direktur' },
        ],
        items: [{ goal: 'Sasaran matriks', indicator: 'Indikator matriks', target: 75, targetUnit: '%' }],
      },
    }),
  },
  {
    mutation: 'submitSurveyResponse',
    writer: 'operator',
    document: `mutation($u: ID!, $y: Int!, $r: SurveyResponseInput!) { submitSurveyResponse(unitCode: $u, year: $y, response: $r) { respondents } }`,
    variables: () => ({ u: UNIT, y: 2023, r: { answers, gender: 'FEMALE', education: 'S1' } }),
  },
  {
    mutation: 'importSurveyResponses',
    writer: 'operator',
    document: `mutation($u: ID!, $y: Int!, $r: [SurveyResponseInput!]!) { importSurveyResponses(unitCode: $u, year: $y, responses: $r) { imported } }`,
    variables: () => ({ u: UNIT, y: 2023, r: [{ answers, gender: 'MALE', education: 'SMA' }] }),
  },
  {
    mutation: 'recomputeRealizations',
    writer: 'admin',
    document: `mutation($u: ID!, $y: Int!) { recomputeRealizations(unitCode: $u, year: $y) { year } }`,
    variables: () => ({ u: UNIT, y: 2022 }),
  },
  {
    mutation: 'recordSakipEvaluation',
    writer: 'admin',
    document: `mutation($i: RecordSakipEvaluationInput!) { recordSakipEvaluation(input: $i) { rank } }`,
    variables: () => ({ i: { unitCode: UNIT, year: 2023, round: 1, roundLabel: 'Putaran 1', score: 80.07 } }),
  },
];
