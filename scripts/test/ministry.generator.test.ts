import { query, startTestGraph, tokenFor } from '../../gateway/test/support';
import type { EmbeddedSystem } from '@kesos/gateway';
import { generateMinistry, type MinistryOptions } from '../src/ministry.generator';
import type { GraphCall } from '../src/synthetic.generator';

/** The ministry mode at a small size through the real graph (embedded, in memory): what it plans is what is there. */
describe('ministry-scale generator', () => {
  let system: EmbeddedSystem;
  const admin = tokenFor('admin');
  const call: GraphCall = async (source, variables = {}) => {
    const res = await query(system, source, variables, admin);
    if (res.errors?.length) throw new Error(res.errors.map((e) => e.message).join('; '));
    return res.data;
  };
  const options: MinistryOptions = {
    units: ['BBPPKS-JAYAPURA'],
    years: [2021],
    enrollments: 420,
    settle: 1,
    batchRows: 300,
    concurrency: 4,
    surveyResponses: 50,
    realizationsPerMonth: 1,
    pollMs: 50,
  };

  beforeAll(async () => {
    system = await startTestGraph();
  }, 120000);
  afterAll(async () => system?.stop());

  it('imports every planned enrollment in batches, runs the settled classes to their end, and adds nothing the second time', async () => {
    const seen: number[] = [];
    const first = await generateMinistry(call, { ...options, progress: (done) => seen.push(done) });
    expect(first).toMatchObject({ unitYears: 1, skipped: 0, enrollments: 420, imported: 420, surveyResponses: 50 });
    expect(first.imports).toBeGreaterThan(1);
    expect(first.settledClasses).toBe(first.classes);
    expect(first.realizations).toBe(48);
    expect(seen.at(-1)).toBe(420);

    const classes = (
      await call(
        `{ trainingClasses(unit: "BBPPKS-JAYAPURA", year: 2021, first: 50) { nodes { status capacity enrollmentCount graduateCount provenance enrollmentProvenance { synthetic } } } }`,
      )
    ).trainingClasses.nodes as {
      status: string;
      capacity: number;
      enrollmentCount: number;
      graduateCount: number;
      provenance: string;
      enrollmentProvenance: { synthetic: number };
    }[];
    expect(classes).toHaveLength(first.classes);
    expect(classes.reduce((s, c) => s + c.enrollmentCount, 0)).toBe(420);
    for (const c of classes) {
      expect(c).toMatchObject({ status: 'CLOSED', enrollmentCount: c.capacity, provenance: 'SYNTHETIC' });
      // The classes and the enrollments the bulk import wrote are all generated.
      expect(c.enrollmentProvenance.synthetic).toBe(c.enrollmentCount);
      expect(c.graduateCount).toBeGreaterThan(0);
    }
    const survey = (await call(`{ unit(code: "BBPPKS-JAYAPURA") { satisfactionSurvey(year: 2021) { respondents } } }`))
      .unit.satisfactionSurvey;
    expect(survey.respondents).toBe(50);

    const again = await generateMinistry(call, options);
    expect(again).toMatchObject({ skipped: 1, imported: 0, classes: 0, realizations: 0 });
  }, 180000);
});
