import type { RunningService } from '@kesos/infra';
import { createLogger, MemoryEventBus, startService } from '@kesos/infra';
import { callers, callSubgraph, memorySqliteDatabase, TEST_SECRETS } from '@kesos/infra/testing';
import { budgetService } from '../src';
import { BudgetLineEntity } from '../src/line/line.entity';
import { RevisionEntity } from '../src/revision/revision.entity';
import { DipaEntity } from '../src/dipa/dipa.entity';
import { PADANG, startBudget } from './support';

/**
 * Text longer than its column is refused before anything is written, with BAD_USER_INPUT
 * naming the field, on MariaDB (which would refuse the INSERT) and SQLite (which would store it).
 * `lines.componentName` (a varchar(200)) has no check of its own in the DIPA input: the column
 * check derived from the entity is what refuses it.
 */
const OPEN = `mutation($input: OpenDipaInput!) { openDipa(input: $input) { number } }`;

const dipa = (year: number, componentName: string) => ({
  unit: PADANG,
  satkerCode: '690552',
  year,
  date: `${year}-01-02`,
  description: `DIPA ${year} (length test)`,
  programmes: [
    {
      code: '027.DN',
      name: 'Program Perlindungan Sosial',
      activities: [
        {
          code: '6391',
          name: 'Diklat Kesos',
          outputs: [
            {
              kroCode: '6391.SCM',
              kroName: 'Pelatihan Bidang Sosial',
              code: '6391.SCM.001',
              name: 'Diklat PM',
              volumeUnit: 'orang',
              volumeTarget: 10,
            },
          ],
        },
      ],
    },
  ],
  lines: [
    { outputCode: '6391.SCM.001', componentCode: '051', componentName, accountCode: '521211', ceiling: 1_000_000 },
  ],
});

type Mode = { name: string; start(): Promise<{ url: string; running: RunningService; stop(): Promise<void> }> };

const modes: Mode[] = [
  {
    name: 'MariaDB',
    start: async () => {
      const s = await startBudget('lengths');
      return { url: s.running.url, running: s.running, stop: () => s.stop() };
    },
  },
  {
    name: 'SQLite',
    start: async () => {
      const database = await memorySqliteDatabase(budgetService);
      const running = await startService(budgetService, {
        database,
        bus: new MemoryEventBus(),
        secrets: TEST_SECRETS,
        logger: createLogger('test', 'silent'),
        port: 0,
        host: '127.0.0.1',
        seed: true,
      });
      return { url: running.url, running, stop: () => running.stop() };
    },
  },
];

describe.each(modes)('text longer than its column ($name)', (mode) => {
  let graph: Awaited<ReturnType<Mode['start']>>;
  beforeAll(async () => {
    graph = await mode.start();
  }, 120000);
  afterAll(async () => graph?.stop());

  const call = (input: Record<string, unknown>) =>
    callSubgraph<{ openDipa: { number: number } | null }>(
      graph.url,
      OPEN,
      { input },
      { caller: callers.admin(), secret: TEST_SECRETS.internalSecret },
    );
  const counts = async () => {
    const ds = graph.running.dataSource;
    return [
      await ds.getRepository(DipaEntity).count(),
      await ds.getRepository(RevisionEntity).count(),
      await ds.getRepository(BudgetLineEntity).count(),
    ];
  };

  test('201 characters in a 200-character column: BAD_USER_INPUT naming the field, nothing written', async () => {
    const before = await counts();
    const r = await call(dipa(2031, 'k'.repeat(201)));
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'lines.componentName',
      maxLength: 200,
    });
    expect(r.errors?.[0]?.message).toBe('lines.componentName is at most 200 characters long; nothing was written');
    expect(r.data?.openDipa ?? null).toBeNull();
    expect(await counts()).toEqual(before);
  });

  test('200 characters outside the BMP fit: the limit counts characters, not UTF-16 units', async () => {
    const r = await call(dipa(2032, '\u{1F600}'.repeat(200)));
    expect(r.errors).toBeUndefined();
    expect(r.data?.openDipa?.number).toBe(0);
  });
});
