import type { EmbeddedSystem } from '../src';
import type { MatrixFixtures } from './authorization.checks';
import { adminOf, checkMutation, checkPath, prepareFixtures } from './authorization.checks';
import type { MatrixState } from './authorization.mutations';
import { MUTATION_CASES } from './authorization.mutations';
import { apiSchema, mutationNames, queryPaths } from './authorization.paths';
import { settle, startTestGraph } from './support';

/**
 * The authorization matrix on the embedded graph: every Query path the supergraph has and every
 * Mutation, each asked by the right caller (positive control) and by every wrong one.
 */
const schema = apiSchema();
const PATHS = queryPaths(schema);

describe('authorization matrix generated from the supergraph (embedded graph)', () => {
  let system: EmbeddedSystem;
  let fixtures: MatrixFixtures;

  beforeAll(async () => {
    system = await startTestGraph();
    fixtures = await prepareFixtures(system);
    await settle(system);
  }, 300000);
  afterAll(async () => system?.stop());

  it('has a rule for every root field and edge, and a case for every mutation', () => {
    expect(PATHS.filter((p) => p.missing.length).map((p) => `${p.key}: no rule for ${p.missing.join(', ')}`)).toEqual(
      [],
    );
    expect(mutationNames(schema)).toEqual(MUTATION_CASES.map((c) => c.mutation).sort());
  });

  it.each(PATHS.map((p) => [p.key, p] as const))('query %s', async (_key, path) => checkPath(system, path, fixtures));

  describe('mutations, in an order where each success enables the next', () => {
    const state: MatrixState = {};
    it.each(MUTATION_CASES.map((c) => [c.mutation, c] as const))('%s', async (_name, c) => {
      // Called apart from keep: an optional call would skip its argument when a case keeps nothing.
      const result = await checkMutation(system, c, state);
      c.keep?.(result, state);
      await settle(system);
      await c.after?.(adminOf(system), state);
    });
  });
});
