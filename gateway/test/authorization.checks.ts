import type { PathIds, QueryPath } from './authorization.paths';
import { leafRows, pathQuery } from './authorization.paths';
import type { AdminCall, MatrixState, MutationCase } from './authorization.mutations';
import { OTHER_UNIT, UNIT } from './authorization.mutations';
import type { GraphResult, TestGraph } from './support';
import { query, tokenFor } from './support';

/** What the matrix's paths point at, in either mode, and the other unit's own records of a person both units trained. */
export interface MatrixFixtures {
  ids: PathIds;
  cross: Partial<PathIds>;
}

const codes = (r: GraphResult) => (r.errors ?? []).map((e) => e.extensions?.code);

export function adminOf(graph: TestGraph): AdminCall {
  return async (source, variables = {}) => {
    const r = await query(graph, source, variables, tokenFor('admin'));
    if (r.errors) throw new Error(`${source}: ${JSON.stringify(r.errors)}`);
    return r.data;
  };
}

/**
 * Seed records of the unit (a monitored graduate, its class and certificate, an import with a bad
 * row) and a person registered by the other unit and enrolled, by an admin, in a class of each.
 */
export async function prepareFixtures(graph: TestGraph): Promise<MatrixFixtures> {
  const admin = adminOf(graph);
  const monitored = (
    await admin(
      `{ alumniMonitorings(unit: "${UNIT}", first: 1) { nodes { enrollment { id certificateNumber participant { id name } trainingClass { id } } } } }`,
    )
  ).alumniMonitorings.nodes[0].enrollment;
  const badRow = Buffer.from(
    'nik,nama,jenis kelamin,tanggal lahir,pendidikan,kategori,provinsi,kabupaten/kota,id angkatan\n123,Peserta Salah,L,1990-01-01,SMA,Pendamping PKH,Sumatera Barat,Kota Padang,1',
  ).toString('base64');
  const job = await query<{ importParticipants: { id: string } }>(
    graph,
    `mutation($i: ImportParticipantsInput!) { importParticipants(input: $i) { id } }`,
    { i: { unit: UNIT, format: 'CSV', contentBase64: badRow, dryRun: true } },
    tokenFor('operator', UNIT),
  );
  const ids: PathIds = {
    unit: UNIT,
    enrollment: monitored.id,
    participant: monitored.participant.id,
    participantName: monitored.participant.name,
    trainingClass: monitored.trainingClass.id,
    certificate: monitored.certificateNumber,
    importJob: job.data!.importParticipants.id,
  };
  const otherProgramme = (
    await admin(`mutation($i: CreateProgrammeInput!) { createProgramme(input: $i) { id } }`, {
      i: { unit: OTHER_UNIT, code: 'LINTAS', name: 'Program Lintas Unit', participantCategory: 'OTHER' },
    })
  ).createProgramme.id;
  const newClass = async (programmeId: string, province: string) =>
    (
      await admin(`mutation($i: CreateTrainingClassInput!) { createTrainingClass(input: $i) { id } }`, {
        i: {
          programmeId,
          province,
          regency: 'Kota Sintetis',
          startDate: '2023-02-06',
          endDate: '2023-02-10',
          capacity: 5,
          targetParticipants: 5,
        },
      })
    ).createTrainingClass.id as string;
  const padangProgramme = (await admin(`{ programmes(unit: "${UNIT}") { id } }`)).programmes[0].id;
  const otherClass = await newClass(otherProgramme, 'Jawa Barat');
  const padangClass = await newClass(padangProgramme, 'Sumatera Barat');
  const person = (
    await admin(`mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id } }`, {
      i: {
        unit: OTHER_UNIT,
        nik: '3273001508850001',
        name: 'Peserta Lintas Sintetis',
        gender: 'MALE',
        birthDate: '1985-08-15',
        education: 'S1',
        category: 'OTHER',
      },
    })
  ).registerParticipant.id;
  const enroll = async (classId: string) =>
    (
      await admin(`mutation($i: EnrollParticipantInput!) { enrollParticipant(input: $i) { id } }`, {
        i: { classId, participantId: person },
      })
    ).enrollParticipant.id as string;
  const cross = { enrollment: await enroll(otherClass), participant: person };
  await enroll(padangClass);
  // A management output entered by hand, so that the unit's volume entries have a row to read.
  await admin(`mutation($i: RecordOutputVolumeInput!) { recordOutputVolume(input: $i) { id } }`, {
    i: { satkerCode: '690552', year: 2022, outputCode: '6398.EBA.962', quantity: 1, date: '2022-12-15' },
  });
  return { ids, cross };
}

/**
 * The right caller reads the unit's rows at the end of the path (positive control); a caller
 * without a token is refused; staff of another unit are refused or see none of the unit's rows,
 * also when they start from their own record of a person both units trained.
 */
export async function checkPath(graph: TestGraph, path: QueryPath, { ids, cross }: MatrixFixtures): Promise<void> {
  const source = pathQuery(path, ids);
  // Lists of every unit also hold units a viewer may not read: the analyst is their right caller.
  const manyUnits = path.steps[0].name === 'units' || path.steps[0].name === 'sakipEvaluations';
  const right = path.rule === 'public' ? null : manyUnits ? tokenFor('analyst') : tokenFor('viewer', UNIT);
  const positive = await query(graph, source, {}, right);
  expect({ path: path.key, errors: positive.errors }).toEqual({ path: path.key, errors: undefined });
  expect(leafRows(positive.data, path, UNIT).filter((r) => r.unit === UNIT).length).toBeGreaterThan(0);

  if (path.rule !== 'public') {
    const anonymous = await query(graph, source, {}, null);
    expect({
      path: path.key,
      status: anonymous.status,
      codes: codes(anonymous),
      data: anonymous.data ?? null,
    }).toEqual({
      path: path.key,
      status: 401,
      codes: ['UNAUTHENTICATED'],
      data: null,
    });
  }
  if (path.rule !== 'unit') return;
  const variants = [source];
  const root = path.steps[0].name as keyof PathIds;
  if (cross[root]) variants.push(pathQuery(path, { ...ids, [root]: cross[root] }));
  for (const token of [tokenFor('viewer', OTHER_UNIT), tokenFor('operator', OTHER_UNIT)]) {
    for (const variant of variants) {
      const r = await query(graph, variant, {}, token);
      const seen = leafRows(r.data, path, UNIT).filter((row) => row.unit === UNIT);
      expect({
        path: path.key,
        variant,
        seen: seen.length,
        codes: [...new Set(codes(r))].filter((c) => c !== 'FORBIDDEN'),
      }).toEqual({ path: path.key, variant, seen: 0, codes: [] });
    }
  }
}

/**
 * Every wrong caller is refused (a viewer or analyst writing, staff of another unit, no token;
 * for admin-only mutations also the unit's operator), then the right caller succeeds.
 */
export async function checkMutation(
  graph: TestGraph,
  c: MutationCase,
  state: MatrixState,
): Promise<Record<string, Record<string, unknown>>> {
  const wrong: [string, string | null, string][] = [
    ['anonymous', null, 'UNAUTHENTICATED'],
    ['viewer of the unit', tokenFor('viewer', UNIT), 'FORBIDDEN'],
    ['analyst', tokenFor('analyst'), 'FORBIDDEN'],
    ['operator of another unit', tokenFor('operator', OTHER_UNIT), 'FORBIDDEN'],
    ['viewer of another unit', tokenFor('viewer', OTHER_UNIT), 'FORBIDDEN'],
    ...(c.writer === 'admin'
      ? [['operator of the unit', tokenFor('operator', UNIT), 'FORBIDDEN'] as [string, string, string]]
      : []),
  ];
  for (const [who, token, code] of wrong) {
    const r = await query(graph, c.document, c.variables(state), token);
    // Refused as a whole: 401 without a token, 403 for the wrong caller.
    expect({ who, status: r.status, data: r.data?.[c.mutation] ?? null, codes: codes(r) }).toEqual({
      who,
      status: code === 'FORBIDDEN' ? 403 : 401,
      data: null,
      codes: [code],
    });
  }
  const right = await query<Record<string, Record<string, unknown>>>(
    graph,
    c.document,
    c.variables(state),
    c.writer === 'admin' ? tokenFor('admin') : tokenFor('operator', UNIT),
  );
  expect({ mutation: c.mutation, errors: right.errors }).toEqual({ mutation: c.mutation, errors: undefined });
  return right.data!;
}
