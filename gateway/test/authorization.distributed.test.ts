import type { MatrixFixtures } from './authorization.checks';
import { adminOf, checkMutation, checkPath, prepareFixtures } from './authorization.checks';
import type { MatrixState } from './authorization.mutations';
import { MUTATION_CASES } from './authorization.mutations';
import { apiSchema, queryPaths } from './authorization.paths';
import type { DistributedGraph } from './distributed.support';
import { startDistributedTestGraph } from './distributed.support';

/**
 * A part of the matrix on the distributed mode (MariaDB, NATS, four HTTP hops): the personal-data
 * paths, a path into each other subgraph through the gateway, and writes of each subgraph.
 */
const DISTRIBUTED_ROOTS = new Set(['enrollment', 'participant', 'participants', 'importJob']);
const DISTRIBUTED_PATHS = new Set([
  'unit.budget.satkers',
  'unit.performance.goals.indicators',
  'unit.satisfactionSurvey',
  'budgetRealizations.items',
  'units.staffComposition',
  'verifyCertificate',
]);
const PATHS = queryPaths(apiSchema()).filter(
  (p) => DISTRIBUTED_ROOTS.has(p.steps[0].name) || DISTRIBUTED_PATHS.has(p.key),
);
const MUTATIONS = MUTATION_CASES.filter((c) =>
  [
    'createProgramme',
    'registerParticipant',
    'recordBudgetPerformance',
    'submitSurveyResponse',
    'recordSakipEvaluation',
  ].includes(c.mutation),
);

describe('authorization matrix, a part of it (distributed: MariaDB + NATS)', () => {
  let graph: DistributedGraph;
  let fixtures: MatrixFixtures;

  beforeAll(async () => {
    graph = await startDistributedTestGraph('authz');
    await graph.settle();
    fixtures = await prepareFixtures(graph);
  }, 600000);
  afterAll(async () => graph?.stop());

  it.each(PATHS.map((p) => [p.key, p] as const))('query %s', async (_key, path) => checkPath(graph, path, fixtures));

  it.each(MUTATIONS.map((c) => [c.mutation, c] as const))('mutation %s', async (_name, c) => {
    const state: MatrixState = {};
    const result = await checkMutation(graph, c, state);
    c.keep?.(result, state);
    await c.after?.(adminOf(graph), state);
  });
});
