import { ConfigReader } from '@kesos/infra';
import type { OperationDefinitionNode } from 'graphql';
import { Kind, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmbeddedSystem } from '../src';
import { costRefusal, DEFAULT_COST_LIMITS, operationCost, readCostLimits } from '../src';
import { query, startTestGraph, tokenFor } from './support';

const cost = (source: string): number => {
  const document = parse(source);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
  return operationCost(operation, {});
};

/**
 * The one-request attempt an analyst made before the statistics fields (issue 11): a page of a
 * unit's classes with their programmes and a page of a class's graduates with gender and
 * education, i.e. the 96 paged requests folded into one.
 */
const pagedGraduates = (classId: string) => `query GraduatesByPagedLists {
  classes: trainingClasses(unit: "BBPPKS-PADANG", first: 100) { totalCount nodes { id programme { code } } }
  graduates: enrollments(classId: "${classId}", status: GRADUATED, first: 200) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { trainingClass { unitCode programme { code } } participant { gender education } }
  }
}`;

describe('query cost: what a field does, limits per role', () => {
  it('a statistics field costs one query whatever its first; a paged list costs per row', () => {
    const stats = (first: number) =>
      cost(`{ trainingStats(groupBy: [UNIT, YEAR], first: ${first}) { unit { code name } year enrolled graduated } }`);
    expect(stats(10)).toBe(stats(100000));
    expect(stats(10)).toBeLessThan(50);
    const page = (first: number) =>
      cost(`{ trainingClasses(unit: "X", first: ${first}) { nodes { id name year unitCode } } }`);
    expect(page(200)).toBe(200 * page(1));
    // A page size given as a variable costs what the literal would.
    const paged = parse(
      'query($n: Int!) { trainingClasses(unit: "X", first: $n) { nodes { id name year unitCode } } }',
    );
    const operation = paged.definitions[0] as OperationDefinitionNode;
    expect(operationCost(operation, {}, { n: 200 })).toBe(page(200));
    // What a stats row selects still counts: a paged list under it costs per row as anywhere else.
    expect(cost('{ budgetStats { unit { trainingClasses(first: 200) { nodes { id } } } } }')).toBeGreaterThan(600);
  });

  it('every operation of the analytics contract costs little, far below every role limit', () => {
    const document = parse(readFileSync(join(__dirname, 'contract', 'analytics.graphql'), 'utf8'));
    const operations = document.definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    expect(operations.length).toBeGreaterThanOrEqual(6);
    for (const operation of operations) expect(operationCost(operation, {})).toBeLessThan(100);
  });

  it('the refusal names the cost, the caller limit and what to do', () => {
    const refusal = costRefusal(11331, 'viewer', DEFAULT_COST_LIMITS);
    expect(refusal.message).toBe(
      'Query cost limit exceeded: this query costs 11,331, over the limit of 5,000 for a viewer; use a statistics ' +
        'field (trainingStats, budgetStats, indicatorStats, surveyStats), which counts as one query whatever its ' +
        'rows, or ask for fewer rows per list (a smaller `first`) and fewer nested lists, or split the query into ' +
        'several requests (analyst and admin tokens may spend up to 50,000).',
    );
    expect(refusal.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', cost: 11331, maxCost: 5000 });
    expect(costRefusal(60000, 'analyst', DEFAULT_COST_LIMITS).message).not.toContain('tokens may spend');
  });

  it('reads each role limit from QUERY_COST_LIMIT_<ROLE>, with the defaults otherwise', () => {
    expect(readCostLimits(new ConfigReader({}))).toEqual(DEFAULT_COST_LIMITS);
    const reader = new ConfigReader({ QUERY_COST_LIMIT_VIEWER: '2000', QUERY_COST_LIMIT_ANALYST: '80000' });
    expect(readCostLimits(reader)).toEqual({ ...DEFAULT_COST_LIMITS, public: 2000, viewer: 2000, analyst: 80000 });
    const bad = new ConfigReader({ QUERY_COST_LIMIT_ADMIN: 'lots' });
    readCostLimits(bad);
    expect(() => bad.done()).toThrow('QUERY_COST_LIMIT_ADMIN must be an integer >= 1, got "lots"');
  });

  describe('through the gateway (embedded graph)', () => {
    let system: EmbeddedSystem;
    let classId: string;
    beforeAll(async () => {
      system = await startTestGraph();
      const classes = await query<{ trainingClasses: { nodes: { id: string }[] } }>(
        system,
        '{ trainingClasses(unit: "BBPPKS-PADANG", first: 1) { nodes { id } } }',
        {},
        tokenFor('admin'),
      );
      classId = classes.data!.trainingClasses.nodes[0].id;
    }, 120000);
    afterAll(async () => system?.stop());

    it('the paged one-request attempt: a clear refusal for clerks (HTTP 400), admitted for analysts and admins', async () => {
      const source = pagedGraduates(classId);
      const price = cost(source);
      expect(price).toBe(10650); // the figure quoted in the README
      expect(price).toBeGreaterThan(DEFAULT_COST_LIMITS.viewer);
      expect(price).toBeLessThan(DEFAULT_COST_LIMITS.analyst);
      for (const token of [tokenFor('viewer', 'BBPPKS-PADANG'), tokenFor('operator', 'BBPPKS-PADANG')]) {
        const refused = await query(system, source, {}, token);
        expect(refused.status).toBe(400);
        expect(refused.data ?? null).toBeNull();
        expect(refused.errors).toHaveLength(1);
        const [error] = refused.errors!;
        expect(error.message).not.toMatch(/syntax/i);
        expect(error.message).toMatch(
          new RegExp(
            `^Query cost limit exceeded: this query costs ${price.toLocaleString('en-US')}, over the limit of 5,000 for (a viewer|an operator); use a statistics field \\(trainingStats`,
          ),
        );
        expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', cost: price, maxCost: 5000 });
      }
      for (const role of ['analyst', 'admin']) {
        const admitted = await query<{ classes: { totalCount: number }; graduates: { totalCount: number } }>(
          system,
          source,
          {},
          tokenFor(role),
        );
        expect(admitted.status).toBe(200);
        expect(admitted.errors).toBeUndefined();
        expect(admitted.data!.classes.totalCount).toBeGreaterThan(0);
      }
    });

    it('the alias limit answers without the misleading "Syntax Error" prefix (the depth limit: gateway.test.ts)', async () => {
      const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: units { code }`).join(' ');
      const tooMany = await query(system, `{ ${aliases} }`, {}, tokenFor('admin'));
      expect(tooMany.status).toBe(400);
      expect(tooMany.errors?.[0]?.message).toBe('Aliases limit of 15 exceeded, found 16.');
    });
  });
});
