import { BANDUNG, callers, PADANG, startTraining, type TrainingUnderTest } from './kesos.support';

const PROGRAMME = `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`;
const CLASS = `mutation($input: CreateTrainingClassInput!) { createTrainingClass(input: $input) { id } }`;
const PARTICIPANT = `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id } }`;
const ENROLL = `mutation($input: EnrollParticipantInput!) { enrollParticipant(input: $input) { id } }`;
const IMPORT = `mutation($input: ImportParticipantsInput!) { importParticipants(input: $input) { status errors { nodes { row column reason } } } }`;
const ROSTER = `query($id: ID!) { enrollment(id: $id) { unitCode participant { name enrollments { id unitCode status preTestScore trainingClass { name } } } } }`;

/** Synthetic NIK (district 00): a person registered by Bandung and trained by both units. */
const SHARED_NIK = '3273005508850001';
const person = (unit: string, nik: string) => ({
  unit,
  nik,
  name: 'Peserta Sintetis Lintas Unit',
  gender: 'FEMALE',
  birthDate: '1985-08-15',
  education: 'S1',
  category: 'OTHER',
});

describe('personal data across units: nested lists and refusals name nothing of another unit (MariaDB + NATS)', () => {
  let t: TrainingUnderTest;
  let sharedId: string;
  let padangEnrollment: string;
  let bandungEnrollment: string;
  let padangClass: string;

  beforeAll(async () => {
    t = await startTraining('privacy', false);
    const admin = callers.admin();
    const classOf = async (unit: string, province: string) => {
      const p = await t.call(
        PROGRAMME,
        { input: { unit, code: 'LINTAS', name: 'Program Lintas Unit (uji)', participantCategory: 'OTHER' } },
        admin,
      );
      const k = await t.call(
        CLASS,
        {
          input: {
            programmeId: p.data.createProgramme.id,
            province,
            regency: 'Kota Sintetis',
            startDate: '2023-03-06',
            endDate: '2023-03-10',
            capacity: 5,
            targetParticipants: 5,
          },
        },
        admin,
      );
      expect(k.errors).toBeUndefined();
      return k.data.createTrainingClass.id as string;
    };
    padangClass = await classOf(PADANG, 'Sumatera Barat');
    const bandungClass = await classOf(BANDUNG, 'Jawa Barat');
    sharedId = (await t.call(PARTICIPANT, { input: person(BANDUNG, SHARED_NIK) }, callers.operator(BANDUNG))).data
      .registerParticipant.id;
    bandungEnrollment = (
      await t.call(ENROLL, { input: { classId: bandungClass, participantId: sharedId } }, callers.operator(BANDUNG))
    ).data.enrollParticipant.id;
    padangEnrollment = (await t.call(ENROLL, { input: { classId: padangClass, participantId: sharedId } }, admin)).data
      .enrollParticipant.id;
  });
  afterAll(async () => t?.stop());

  it("a unit's viewer reads the person on its own roster but none of the other unit's enrollments", async () => {
    const padang = await t.call(ROSTER, { id: padangEnrollment }, callers.viewer(PADANG));
    expect(padang.errors).toBeUndefined();
    expect(padang.data.enrollment.participant.enrollments).toEqual([
      expect.objectContaining({ id: padangEnrollment, unitCode: PADANG }),
    ]);
    const bandung = await t.call(ROSTER, { id: bandungEnrollment }, callers.viewer(BANDUNG));
    expect(bandung.data.enrollment.participant.enrollments.map((e: { id: string }) => e.id)).toEqual([
      bandungEnrollment,
    ]);
    const everyone = await t.call(ROSTER, { id: padangEnrollment }, callers.analyst());
    expect(everyone.data.enrollment.participant.enrollments.map((e: { id: string }) => e.id).sort()).toEqual(
      [bandungEnrollment, padangEnrollment].sort(),
    );
    const refused = await t.call(
      `query($id: ID!) { enrollment(id: $id) { id } }`,
      { id: bandungEnrollment },
      callers.viewer(PADANG),
    );
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(refused.errors?.[0]?.message).not.toContain(BANDUNG);
  });

  it('a duplicate NIK is refused without naming the unit that holds it or its id', async () => {
    const again = await t.call(PARTICIPANT, { input: person(PADANG, SHARED_NIK) }, callers.operator(PADANG));
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'nik' } });
    expect(again.errors![0].message).toBe(
      `this NIK is already in the national registry, registered by another unit; an admin can enroll that person in a class of ${PADANG}`,
    );
    const own = await t.call(PARTICIPANT, { input: person(BANDUNG, SHARED_NIK) }, callers.operator(BANDUNG));
    expect(own.errors![0].message).toBe(
      `this NIK is already registered by ${BANDUNG} as participant ${sharedId}; search for them instead`,
    );
    const byAdmin = await t.call(PARTICIPANT, { input: person(PADANG, SHARED_NIK) }, callers.admin());
    expect(byAdmin.errors![0].message).toBe(`this NIK is already registered by ${BANDUNG} as participant ${sharedId}`);

    const csv = `nik,nama,jenis kelamin,tanggal lahir,pendidikan,kategori,provinsi,kabupaten/kota,id angkatan\n${SHARED_NIK},Peserta Sintetis Lintas Unit,P,1985-08-15,S1,Pendamping PKH,Sumatera Barat,Kota Padang,${padangClass}`;
    const dryRun = await t.call(
      IMPORT,
      { input: { unit: PADANG, format: 'CSV', contentBase64: Buffer.from(csv).toString('base64'), dryRun: true } },
      callers.operator(PADANG),
    );
    expect(dryRun.errors).toBeUndefined();
    const reasons: string[] = dryRun.data.importParticipants.errors.nodes.map((n: { reason: string }) => n.reason);
    expect(reasons).toContain(
      `this NIK is already in the national registry, registered by another unit; an admin can enroll that person in a class of ${PADANG}`,
    );
    for (const reason of reasons) expect(reason).not.toMatch(new RegExp(`${BANDUNG}|participant ${sharedId}\\b`));
  });

  it("enrolling another unit's participant reads the same as enrolling one that does not exist", async () => {
    const foreign = await t.call(
      ENROLL,
      { input: { classId: padangClass, participantId: sharedId } },
      callers.operator(PADANG),
    );
    const missing = await t.call(
      ENROLL,
      { input: { classId: padangClass, participantId: '999999' } },
      callers.operator(PADANG),
    );
    expect(foreign.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'participantId' } });
    expect(foreign.errors![0].message).not.toContain(BANDUNG);
    expect(missing.errors![0].message.replace('999999', sharedId)).toBe(foreign.errors![0].message);
  });
});
