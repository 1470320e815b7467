import { encodeCursor } from '@kesos/infra';
import { PADANG, type Reply, startTraining, type TrainingUnderTest } from './kesos.support';

interface Page {
  nodes?: { id: string }[];
  edges?: { cursor: string; node: { id: string } }[];
  pageInfo: { startCursor: string | null; endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
  totalCount?: number;
}

const CLASSES = `query($unit: ID!, $first: Int!, $after: String) {
  trainingClasses(unit: $unit, year: 2022, first: $first, after: $after) {
    edges { cursor node { id } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } totalCount
  }
}`;
const CLASSES_NO_COUNT = `query($unit: ID!) {
  trainingClasses(unit: $unit, year: 2022, first: 2) { nodes { id } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } }
}`;
const ENROLLMENTS = `query($classId: ID!, $first: Int!, $after: String) {
  enrollments(classId: $classId, status: GRADUATED, first: $first, after: $after) {
    edges { cursor node { id } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } totalCount
  }
}`;
const PARTICIPANTS = `query($unit: ID!, $search: String, $first: Int!, $after: String) {
  participants(unit: $unit, search: $search, first: $first, after: $after) {
    edges { cursor node { id } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } totalCount
  }
}`;

describe('paging: the training lists are Relay connections (MariaDB, the 2022 seed)', () => {
  let t: TrainingUnderTest;
  const count = async (sql: string, params: unknown[]) => Number((await t.database.dataSource.query(sql, params))[0].n);

  beforeAll(async () => {
    t = await startTraining('paging', true);
    // The outbox relay polls in the background; its statements would be counted too.
    await t.running.relay.stop();
  });
  afterAll(async () => t?.stop());

  /** Walks a list two items at a time and checks cursors, pageInfo and totalCount on every page. */
  const walk = async (query: string, field: string, variables: Record<string, unknown>, expectedTotal: number) => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 1000; pages += 1) {
      const res: Reply<Record<string, Page>> = await t.call<Record<string, Page>>(query, {
        ...variables,
        first: 2,
        after,
      });
      expect(res.errors).toBeUndefined();
      const page: Page = res.data![field];
      expect(page.totalCount).toBe(expectedTotal);
      for (const e of page.edges!) expect(e.cursor).toBe(encodeCursor(e.node.id));
      expect(page.pageInfo.startCursor).toBe(page.edges![0]?.cursor ?? null);
      expect(page.pageInfo.endCursor).toBe(page.edges![page.edges!.length - 1]?.cursor ?? null);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges!.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(expectedTotal);
    expect(new Set(seen).size).toBe(expectedTotal);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => a - b));
    return seen;
  };

  it('pages classes, enrollments and participants with edges, pageInfo and a totalCount of the same filter', async () => {
    const classTotal = await count('SELECT COUNT(*) AS n FROM training_class WHERE unitCode = ? AND year = 2022', [
      PADANG,
    ]);
    expect(classTotal).toBeGreaterThan(2);
    const classIds = await walk(CLASSES, 'trainingClasses', { unit: PADANG }, classTotal);

    const graduates = await count("SELECT COUNT(*) AS n FROM enrollment WHERE classId = ? AND status = 'GRADUATED'", [
      classIds[0],
    ]);
    await walk(ENROLLMENTS, 'enrollments', { classId: classIds[0] }, graduates);

    const people = await count(
      "SELECT COUNT(*) AS n FROM participant WHERE unitCode = ? AND name LIKE '%Sintetis 0000%'",
      [PADANG],
    );
    expect(people).toBeGreaterThan(2);
    await walk(PARTICIPANTS, 'participants', { unit: PADANG, search: 'Sintetis 0000' }, people);
  });

  it('counts the whole list only when totalCount is selected', async () => {
    const without = await t.running.queries.measure(() => t.call(CLASSES_NO_COUNT, { unit: PADANG }));
    expect(without.result.errors).toBeUndefined();
    const withCount = await t.running.queries.measure(() => t.call(CLASSES, { unit: PADANG, first: 2, after: null }));
    expect(withCount.result.errors).toBeUndefined();
    expect(withCount.queries).toBe(without.queries + 1);
  });

  it('names a bad page argument', async () => {
    const res = await t.call(CLASSES, { unit: PADANG, first: 201, after: null });
    expect(res.errors?.[0]?.extensions?.field).toBe('first');
    const forged = await t.call(CLASSES, { unit: PADANG, first: 2, after: 'bm90LWEtY3Vyc29y' });
    expect(forged.errors?.[0]?.message).toBe('after is not a cursor this list handed out');
  });
});
