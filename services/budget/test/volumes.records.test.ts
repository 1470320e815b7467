import type { ContractEvent, DomainEvent, EventContract } from '@kesos/infra';
import { accreditationDecidedV1, applyOnce, atensiCaseClosedV1, certificationAssessedV1 } from '@kesos/infra';
import { callers, eventually } from '@kesos/infra/testing';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { budgetService } from '../src';
import { OutputVolumeRecordEntity } from '../src/volume/volume.entity';
import {
  accreditationVolumeConsumer,
  atensiVolumeConsumer,
  certificationVolumeConsumer,
} from '../src/volume/volume.consumer';
import { outputAchievementScore } from '../src/volume/volume.service';
import type { BudgetTestService } from './support';
import { padang, PADANG, startBudget, unitBudget } from './support';

/**
 * Output volumes beyond graduates on the seeded MariaDB and a real NATS namespace: training
 * records counted once per LKS, person and case however delivered, entries made by hand for
 * management outputs, their reversal, and the output achievement derived from them. The events
 * and entries are synthetic test records.
 */
let s: BudgetTestService;
beforeAll(async () => {
  s = await startBudget('volumes');
}, 300_000);
afterAll(async () => {
  await s?.stop();
});

const SCA = '6392.SCA.001';
const SCH = '6392.SCH.001';
const QAH = '6392.QAH.001';
const PERKANTORAN = '6398.EBA.994';

type Output = { code: string; volumeTarget: number | null; realizedVolume: number; achievementRate: number | null };

/** The 2022 outputs of satker 690552, by code. */
async function outputs(): Promise<Map<string, Output>> {
  const r = await s.call<{ _entities: { budget: { satkers: { code: string; outputs: Output[] }[] } }[] }>(
    unitBudget('budget(year: 2022) { satkers { code outputs { code volumeTarget realizedVolume achievementRate } } }'),
    padang,
  );
  expect(r.errors).toBeUndefined();
  const neu = r.data!._entities[0].budget.satkers.find((x) => x.code === '690552')!;
  return new Map(neu.outputs.map((o) => [o.code, o]));
}
const volume = async (code: string) => (await outputs()).get(code)!.realizedVolume;

function event(type: string, data: Record<string, unknown>, unit = PADANG): DomainEvent {
  return { id: randomUUID(), type, unit, occurredAt: new Date().toISOString(), version: 1, data };
}
const accreditation = (institutionId: string, extra: Record<string, unknown> = {}) =>
  event('training.accreditation.decided', {
    assessmentId: randomUUID(),
    institutionId,
    year: 2022,
    result: 'B',
    accredited: true,
    date: '2022-11-15',
    ...extra,
  });
const certification = (data: Record<string, unknown>) =>
  event('training.certification.assessed', { assessmentId: randomUUID(), year: 2022, competent: true, ...data });
const atensi = (caseId: string, peopleServed: number, served = peopleServed > 0) =>
  event('training.atensi.case-closed', {
    caseId,
    year: 2022,
    serviceType: 'RESPON_KASUS',
    peopleServed,
    served,
    date: '2022-12-01',
  });

/** Applies an event straight through a consumer's at-most-once path; true when it was new to the consumer. */
function apply<T>(
  consumer: { name: string; handle(e: ContractEvent<T>, m: EntityManager): Promise<void> },
  contract: EventContract<T>,
  e: DomainEvent,
): Promise<boolean> {
  return applyOnce(s.running.dataSource, `${budgetService.name}-${consumer.name}`, e, (m) =>
    consumer.handle(contract.parseEvent(e), m),
  );
}

const records = (sourceKey: string) =>
  s.running.dataSource.getRepository(OutputVolumeRecordEntity).findBy({ sourceKey });

describe('training records count towards the RO of their unit and year, once', () => {
  test('an accreditation published twice, and reported again by another event, counts the LKS once', async () => {
    const start = await volume(SCA);
    const e = accreditation('lks-test-1', { provenance: 'RECONSTRUCTED' });
    await s.bus.publish(e);
    await s.bus.publish(e);
    await eventually(async () => ((await volume(SCA)) === start + 1 ? true : undefined));
    // A later decision about the same LKS (another event id) and the duplicate straight through the consumer.
    expect(await apply(accreditationVolumeConsumer, accreditationDecidedV1, accreditation('lks-test-1'))).toBe(true);
    expect(await apply(accreditationVolumeConsumer, accreditationDecidedV1, e)).toBe(false);
    expect(await volume(SCA)).toBe(start + 1);
    const [row] = await records('lks:lks-test-1');
    expect(row).toMatchObject({
      source: 'ACCREDITATION',
      quantity: 1,
      date: '2022-11-15',
      provenance: 'RECONSTRUCTED',
      sourceEventId: e.id,
      recordedBy: 'event:training.accreditation.decided',
    });
    // An LKS found NOT_ACCREDITED went through the process too (the RO counts visits, not grades).
    expect(
      await apply(
        accreditationVolumeConsumer,
        accreditationDecidedV1,
        accreditation('lks-test-2', { result: 'NOT_ACCREDITED', accredited: false }),
      ),
    ).toBe(true);
    expect(await volume(SCA)).toBe(start + 2);
    expect((await records('lks:lks-test-2'))[0].provenance).toBe('OPERATIONAL');
  });

  test('a candidate re-assessed counts as one person; events without candidateId count per assessment', async () => {
    const start = await volume(SCH);
    await s.bus.publish(certification({ candidateId: 'cand-test-1', competent: false, date: '2022-10-01' }));
    await s.bus.publish(certification({ candidateId: 'cand-test-1', competent: true, date: '2022-11-01' }));
    await s.bus.publish(certification({ candidateId: null }));
    await s.bus.publish(certification({}));
    await eventually(async () => ((await volume(SCH)) === start + 3 ? true : undefined));
    const person = await records('person:cand-test-1');
    expect(person.map((r) => r.date)).toEqual(['2022-10-01']);
  });

  test('a served ATENSI case adds its people once; an unserved case adds nothing', async () => {
    const start = await volume(QAH);
    const served = atensi('case-test-1', 5);
    await s.bus.publish(served);
    await s.bus.publish(atensi('case-test-2', 0, false));
    await s.bus.publish({ ...served, id: randomUUID() });
    await eventually(async () => ((await volume(QAH)) === start + 5 ? true : undefined));
    expect(await apply(atensiVolumeConsumer, atensiCaseClosedV1, atensi('case-test-1', 5))).toBe(true);
    expect(await volume(QAH)).toBe(start + 5);
    expect(await records('case:case-test-2')).toEqual([]);
  });

  test('concurrent consumers reporting the same person insert one record', async () => {
    const start = await volume(SCH);
    // Eight events about one person applied at once, as replicas of the consumer would: all apply, one record.
    const same = Array.from({ length: 8 }, () => certification({ candidateId: 'cand-test-race' }));
    expect(await Promise.all(same.map((e) => apply(certificationVolumeConsumer, certificationAssessedV1, e)))).toEqual(
      Array(8).fill(true),
    );
    // One event delivered to two replicas at once while the bus delivers it too: a replica that loses the race on
    // the processed-event row is refused as a conflict and redelivered, which then finds it applied.
    const again = certification({ candidateId: 'cand-test-race-2' });
    const settled = await Promise.allSettled([
      s.bus.publish(again),
      apply(certificationVolumeConsumer, certificationAssessedV1, again),
      apply(certificationVolumeConsumer, certificationAssessedV1, again),
    ]);
    for (const r of settled.slice(1))
      if (r.status === 'rejected') expect(String(r.reason)).toMatch(/at the same moment|Duplicate entry/);
    await eventually(async () => ((await volume(SCH)) === start + 2 ? true : undefined));
    expect(await apply(certificationVolumeConsumer, certificationAssessedV1, again)).toBe(false);
    expect(await records('person:cand-test-race')).toHaveLength(1);
    expect(await records('person:cand-test-race-2')).toHaveLength(1);
  });

  test('a unit or year without the RO changes nothing; a provenance outside the list is refused', async () => {
    const before = await s.running.dataSource.getRepository(OutputVolumeRecordEntity).count();
    expect(
      await apply(accreditationVolumeConsumer, accreditationDecidedV1, accreditation('lks-x', { year: 2021 })),
    ).toBe(true);
    expect(
      await apply(
        accreditationVolumeConsumer,
        accreditationDecidedV1,
        event('training.accreditation.decided', { ...(accreditation('lks-y').data as object) }, 'BBPPKS-BANDUNG'),
      ),
    ).toBe(true);
    expect(await s.running.dataSource.getRepository(OutputVolumeRecordEntity).count()).toBe(before);
    await expect(
      apply(accreditationVolumeConsumer, accreditationDecidedV1, accreditation('lks-z', { provenance: 'GUESSED' })),
    ).rejects.toThrow(/provenance "GUESSED"/);
    expect(await records('lks:lks-z')).toEqual([]);
  });
});

const RECORD = `mutation($input: RecordOutputVolumeInput!) { recordOutputVolume(input: $input) { id satkerCode year outputCode source quantity date note recordedBy recordedAt reversesId provenance } }`;
const REVERSE = `mutation($input: ReverseOutputVolumeInput!) { reverseOutputVolume(input: $input) { id quantity date note recordedBy reversesId source } }`;
const entry = (over: Record<string, unknown> = {}) => ({
  satkerCode: '690552',
  year: 2022,
  outputCode: PERKANTORAN,
  quantity: 1,
  date: '2022-12-30',
  note: 'Laporan layanan perkantoran TW IV (synthetic test entry)',
  ...over,
});
const operator = callers.operator(PADANG);

describe('management outputs entered by hand', () => {
  test('an operator enters a volume: who and when are kept, the RO realises it', async () => {
    const start = await volume(PERKANTORAN);
    const before = Date.now();
    const r = await s.call<{ recordOutputVolume: Record<string, unknown> }>(RECORD, { input: entry() }, operator);
    expect(r.errors).toBeUndefined();
    const made = r.data!.recordOutputVolume;
    expect(made).toMatchObject({
      satkerCode: '690552',
      year: 2022,
      outputCode: PERKANTORAN,
      source: 'ENTERED',
      quantity: 1,
      date: '2022-12-30',
      recordedBy: `test-operator-${PADANG}`,
      reversesId: null,
      provenance: 'OPERATIONAL',
    });
    // Generous bounds: the clocks of the test and the database may differ a little.
    const at = Date.parse(made.recordedAt as string);
    expect(at).toBeGreaterThan(before - 60_000);
    expect(at).toBeLessThan(Date.now() + 60_000);
    const o = (await outputs()).get(PERKANTORAN)!;
    expect(o.realizedVolume).toBe(start + 1);
    expect(o.volumeTarget).toBe(1);
    expect(o.achievementRate).toBe((start + 1) * 100);
  });

  test.each([
    [{ quantity: 0 }, 'quantity'],
    [{ quantity: -3 }, 'quantity'],
    [{ quantity: 1_000_001 }, 'quantity'],
    [{ date: '2022-02-30' }, 'date'],
    [{ date: '2023-01-02' }, 'date'],
    [{ note: 'x'.repeat(501) }, 'note'],
    [{ satkerCode: 'padang' }, 'satkerCode'],
    [{ satkerCode: '999999' }, 'satkerCode'],
    [{ year: 2030, date: '2030-01-05' }, 'year'],
    [{ outputCode: '6398.EBA.999' }, 'outputCode'],
    [{ outputCode: '' }, 'outputCode'],
    [{ outputCode: SCA }, 'outputCode'],
    [{ outputCode: QAH }, 'outputCode'],
    [{ outputCode: '6391.SCM.001' }, 'outputCode'],
  ])('refused with BAD_USER_INPUT naming the field: %j', async (over, field) => {
    const start = await volume(PERKANTORAN);
    const r = await s.call(RECORD, { input: entry(over) }, operator);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await volume(PERKANTORAN)).toBe(start);
  });

  test('viewers, analysts and operators of another unit are refused; nothing is written', async () => {
    const start = await volume(PERKANTORAN);
    for (const caller of [callers.viewer(PADANG), callers.analyst(), callers.operator('BBPPKS-BANDUNG')]) {
      const r = await s.call(RECORD, { input: entry() }, caller);
      expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await volume(PERKANTORAN)).toBe(start);
    const admin = await s.call(RECORD, { input: entry({ outputCode: '6397.EBA.958' }) }, callers.admin());
    expect(admin.errors).toBeUndefined();
  });

  test('a reversal cancels an entry once, dated and explained; the history lists both', async () => {
    const made = await s.call<{ recordOutputVolume: { id: string } }>(
      RECORD,
      { input: entry({ outputCode: '6399.EBA.961', quantity: 40, date: '2022-12-20' }) },
      operator,
    );
    const id = made.data!.recordOutputVolume.id;
    expect(await volume('6399.EBA.961')).toBe(40);
    const reverse = (over: Record<string, unknown> = {}, caller = operator) =>
      s.call<{ reverseOutputVolume: { id: string; quantity: number; reversesId: string; note: string } }>(
        REVERSE,
        { input: { entryId: id, date: '2022-12-31', reason: 'Entered on the wrong RO (synthetic test)', ...over } },
        caller,
      );
    expect((await reverse({ date: '2022-12-19' })).errors?.[0].extensions).toMatchObject({ field: 'date' });
    expect((await reverse({ date: '2023-01-01' })).errors?.[0].extensions).toMatchObject({ field: 'date' });
    expect((await reverse({ reason: ' ' })).errors?.[0].extensions).toMatchObject({ field: 'reason' });
    expect((await reverse({ entryId: 'abc' })).errors?.[0].extensions).toMatchObject({ field: 'entryId' });
    expect((await reverse({ entryId: '99999999' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await reverse({}, callers.operator('BBPPKS-BANDUNG'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await volume('6399.EBA.961')).toBe(40);
    // Two reversals at once: one wins, the other finds it reversed.
    const both = await Promise.all([reverse(), reverse()]);
    const won = both.filter((r) => !r.errors);
    expect(won).toHaveLength(1);
    expect(won[0].data!.reverseOutputVolume).toMatchObject({ quantity: -40, reversesId: id });
    expect(both.find((r) => r.errors)!.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'entryId',
    });
    expect(await volume('6399.EBA.961')).toBe(0);
    const reversal = won[0].data!.reverseOutputVolume.id;
    expect((await reverse({ entryId: reversal })).errors?.[0].extensions).toMatchObject({ field: 'entryId' });
    const history = await s.call<{ outputVolumeEntries: { id: string; quantity: number; recordedBy: string }[] }>(
      'query { outputVolumeEntries(satkerCode: "690552", year: 2022, outputCode: "6399.EBA.961") { id quantity recordedBy } }',
      {},
      callers.viewer(PADANG),
    );
    expect(history.data!.outputVolumeEntries).toEqual([
      { id, quantity: 40, recordedBy: `test-operator-${PADANG}` },
      { id: reversal, quantity: -40, recordedBy: `test-operator-${PADANG}` },
    ]);
    const other = await s.call(
      'query { outputVolumeEntries(satkerCode: "690552", year: 2022, outputCode: "6399.EBA.961") { id } }',
      {},
      callers.viewer('BBPPKS-BANDUNG'),
    );
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // A viewer is refused before the entry is looked up: an unknown id tells it nothing either.
    for (const entryId of [id, '999999'])
      expect(
        (await s.call(REVERSE, { input: { entryId, date: '2022-12-30', reason: 'probe' } }, callers.viewer(PADANG)))
          .errors?.[0].extensions?.code,
      ).toBe('FORBIDDEN');
  });
});

describe('output achievement (capaian output)', () => {
  test('the mean of capped RO ratios, exact and rounded half-up to 2 decimals', () => {
    expect(outputAchievementScore([])).toBeNull();
    expect(outputAchievementScore([{ target: 0, realized: 5 }])).toBeNull();
    expect(
      outputAchievementScore([
        { target: 3, realized: 2 },
        { target: 3, realized: 1 },
      ]),
    ).toBe(50);
    // 0.125 % is exactly half a hundredth: half-up gives 0.13.
    expect(outputAchievementScore([{ target: 800, realized: 1 }])).toBe(0.13);
    // 202 of 200 LKS caps at 100; 2,987 of 3,000 people is 99.5666...; 209 of 30 people caps at 100.
    expect(
      outputAchievementScore([
        { target: 200, realized: 202 },
        { target: 3000, realized: 2987 },
        { target: 30, realized: 209 },
      ]),
    ).toBe(99.86);
  });

  test('the unit-year figure is derived from the ROs as the API returns them, beside IKPA as published', async () => {
    type Achievement = {
      derivedScore: number | null;
      outputs: number;
      outputsAchieved: number;
      ikpaWeight: number | null;
      recordedScore: number | null;
      publishedIkpaScore: number | null;
      ikpaWithDerivedScore: number | null;
    };
    const read = async () => {
      const r = await s.call<{ _entities: { budget: { outputAchievement: Achievement } }[] }>(
        unitBudget(
          'budget(year: 2022) { outputAchievement { derivedScore outputs outputsAchieved ikpaWeight recordedScore publishedIkpaScore ikpaWithDerivedScore } }',
        ),
        padang,
      );
      expect(r.errors).toBeUndefined();
      return r.data!._entities[0].budget.outputAchievement;
    };
    const ros = [...(await outputs()).values()].filter((o) => o.volumeTarget);
    // Computed here independently, in floating point with a margin far below a hundredth.
    const mean = (ros.reduce((sum, o) => sum + Math.min(o.realizedVolume / o.volumeTarget!, 1), 0) / ros.length) * 100;
    const a = await read();
    expect(a.outputs).toBe(13);
    expect(ros).toHaveLength(13);
    expect(Math.abs(a.derivedScore! - mean)).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(a.outputsAchieved).toBe(ros.filter((o) => o.realizedVolume >= o.volumeTarget!).length);
    expect(a).toMatchObject({
      ikpaWeight: 25,
      recordedScore: null,
      publishedIkpaScore: 92.82,
      ikpaWithDerivedScore: null,
    });
    // With every component recorded (synthetic scores adding up to the published 92.82), IKPA is re-derived with the
    // derived capaian output in place of the recorded one, while the published IKPA stays.
    const components = [
      ['REVISI_DIPA', 100],
      ['DEVIASI_HALAMAN_III_DIPA', 90],
      ['PENYERAPAN_ANGGARAN', 95.5],
      ['DATA_KONTRAK', 100],
      ['PENYELESAIAN_TAGIHAN', 100],
      ['PENGELOLAAN_UP_TUP', 74],
      ['DISPENSASI_SPM', 100],
      ['CAPAIAN_OUTPUT', 89.28],
    ] as const;
    const recorded = await s.call(
      'mutation($input: RecordBudgetPerformanceInput!) { recordBudgetPerformance(input: $input) { ikpaScore } }',
      {
        input: {
          unitCode: PADANG,
          year: 2022,
          smartScore: 93.04,
          ikpaScore: 92.82,
          publishedScore: 92.94,
          ikpaComponents: components.map(([code, score]) => ({ code, score })),
        },
      },
    );
    expect(recorded.errors).toBeUndefined();
    const b = await read();
    expect(b.recordedScore).toBe(89.28);
    expect(b.publishedIkpaScore).toBe(92.82);
    // In ten-thousandths: 92.82 less 25 x 89.28 plus 25 x the derived score, then half-up to hundredths.
    const tenThousandths = 928_200 - 25 * 8928 + 25 * Math.round(b.derivedScore! * 100);
    expect(b.ikpaWithDerivedScore).toBe(Math.floor((tenThousandths + 50) / 100) / 100);
  });
});
