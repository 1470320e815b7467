import type { RunningService } from '@kesos/infra';
import { createLogger, MemoryEventBus, startService } from '@kesos/infra';
import { callers, callSubgraph, memorySqliteDatabase, TEST_SECRETS } from '@kesos/infra/testing';
import { trainingService } from '../src';

interface Figure {
  key: string;
  printed: string;
  derived: string | null;
  rule: string;
  verdict: string;
  reason: string;
}
type Answer = { _entities: { trainingFigures: Figure[] | null }[] };

const PADANG = 'BBPPKS-PADANG';
const FIGURES = `query($unit: ID!, $year: Int!) {
  _entities(representations: [{ __typename: "ReportConsistency", unit: $unit, year: $year }]) {
    ... on ReportConsistency { trainingFigures { key printed derived rule verdict reason } }
  }
}`;

/** The training figures of the 2022 report against the seeded decisions, assessments, cases and classes (SQLite). */
describe('ReportConsistency.trainingFigures', () => {
  let running: RunningService;
  const as = (caller: ReturnType<typeof callers.admin>) => ({ caller, secret: TEST_SECRETS.internalSecret });
  const call = (unit: string, year: number, caller = callers.viewer(PADANG)) =>
    callSubgraph<Answer>(running.url, FIGURES, { unit, year }, as(caller));
  const figures = async (): Promise<Map<string, Figure>> => {
    const r = await call(PADANG, 2022);
    expect(r.errors).toBeUndefined();
    return new Map((r.data!._entities[0].trainingFigures ?? []).map((f) => [f.key, f]));
  };

  beforeAll(async () => {
    running = await startService(trainingService, {
      database: await memorySqliteDatabase(trainingService),
      bus: new MemoryEventBus(),
      secrets: TEST_SECRETS,
      logger: createLogger('test', 'silent'),
      port: 0,
      host: '127.0.0.1',
      seed: true,
    });
  }, 180_000);
  afterAll(async () => running?.stop());

  it("applies the printed SK2.1 and SK4.1 formulas to the records and reads the text's counts", async () => {
    const f = await figures();
    expect(f.get('formula.SK2.1')).toMatchObject({ printed: '97,05%', derived: '3294.32', verdict: 'CONTRADICTION' });
    expect(f.get('formula.SK2.1')!.rule).toContain('2899 / 88');
    expect(f.get('formula.SK4.1')).toMatchObject({ derived: '522.50', verdict: 'CONTRADICTION' });
    expect(f.get('text.certification.achieved')).toMatchObject({
      printed: '2.987 orang',
      derived: '2899',
      verdict: 'CONTRADICTION',
    });
    expect(f.get('text.certification.planned')).toMatchObject({ derived: '3000', verdict: 'MATCHES' });
    expect(f.get('text.accreditation.achieved')).toMatchObject({ derived: '171', verdict: 'CONTRADICTION' });
    expect(f.get('volume.2021.achievement')).toMatchObject({ derived: '101.46', verdict: 'ROUNDING' });
    expect(f.get('volume.2022.realized')).toMatchObject({ derived: '2790', verdict: 'MATCHES' });
    expect(f.get('programme.PPM.realized')).toMatchObject({ derived: '390', verdict: 'MATCHES' });
  });

  it('derives from the records as they are now: a closed case moves the printed SK4.1 formula', async () => {
    const opened = await callSubgraph<{ openAtensiCase: { id: string } }>(
      running.url,
      `mutation($input: OpenAtensiCaseInput!) { openAtensiCase(input: $input) { id } }`,
      {
        input: {
          unit: PADANG,
          serviceType: 'RESPON_KASUS',
          receivedOn: '2022-12-01',
          province: 'Sumatera Barat',
          regency: 'Kota Padang',
        },
      },
      as(callers.operator(PADANG)),
    );
    expect(opened.errors).toBeUndefined();
    const closed = await callSubgraph(
      running.url,
      `mutation($input: CloseAtensiCaseInput!) { closeAtensiCase(input: $input) { id } }`,
      { input: { caseId: opened.data!.openAtensiCase.id, closedOn: '2022-12-10', served: true, peopleServed: 5 } },
      as(callers.operator(PADANG)),
    );
    expect(closed.errors).toBeUndefined();
    // 214 people over 41 cases.
    expect((await figures()).get('formula.SK4.1')).toMatchObject({ derived: '521.95', verdict: 'CONTRADICTION' });
  });

  it('refuses a viewer of another unit and answers no figures where no catalogue exists', async () => {
    const refused = await call(PADANG, 2022, callers.viewer('BBPPKS-BANDUNG'));
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const none = await call(PADANG, 2021);
    expect(none.errors).toBeUndefined();
    expect(none.data!._entities[0].trainingFigures).toEqual([]);
  });
});
