import { query, settle, startTestGraph, tokenFor } from '../../gateway/test/support';
import type { EmbeddedSystem } from '@kesos/gateway';
import type { GraphCall, UnitYearSummary } from '../src/synthetic.generator';
import { generateSynthetic } from '../src/synthetic.generator';

/** The generator drives the real graph (embedded, in memory); the derived figures must agree with what it wrote. */
describe('synthetic generator', () => {
  let system: EmbeddedSystem;
  const admin = tokenFor('admin');
  const call: GraphCall = async (source, variables = {}) => {
    const res = await query(system, source, variables, admin);
    if (res.errors?.length) throw new Error(res.errors.map((e) => e.message).join('; '));
    return res.data;
  };

  beforeAll(async () => {
    system = await startTestGraph();
  }, 120000);
  afterAll(async () => system?.stop());

  it('refuses the report unit, unknown units, unfinished years and silly scales, before writing anything', async () => {
    await expect(generateSynthetic(call, { units: ['BBPPKS-PADANG'], years: [2022], scale: 1 })).rejects.toThrow(
      /report's own data/,
    );
    await expect(generateSynthetic(call, { units: ['BBPPKS-ATLANTIS'], years: [2022], scale: 1 })).rejects.toThrow(
      /not registered/,
    );
    await expect(
      generateSynthetic(call, { units: ['BBPPKS-BANDUNG'], years: [new Date().getUTCFullYear()], scale: 1 }),
    ).rejects.toThrow(/completed years/);
    await expect(generateSynthetic(call, { units: ['BBPPKS-BANDUNG'], years: [2022], scale: 0 })).rejects.toThrow(
      /scale/,
    );
  });

  it('fills a unit-year whose derived budget and indicators agree with what it wrote; a second run adds nothing', async () => {
    const [s] = (await generateSynthetic(call, { units: ['BBPPKS-MAKASSAR'], years: [2022], scale: 0.5 })) as [
      UnitYearSummary,
    ];
    expect(s).toMatchObject({
      skipped: false,
      participants: 35,
      candidates: 20,
      lksAssessed: 10,
      cases: 5,
      surveyResponses: 100,
    });
    await settle(system);

    const unit = (
      await call(`{ unit(code: "BBPPKS-MAKASSAR") {
        budget(year: 2022) { ceiling realized scoresProvenance evidence { operational synthetic records } satkers { code name outputs { code volumeTarget realizedVolume } } }
        performance(year: 2022) { goals { indicators { code numerator denominator realizationSource } } }
        satisfactionSurvey(year: 2022) { respondents evidence { synthetic records } }
      } }`)
    ).unit;
    expect(unit.budget).toMatchObject({ ceiling: s.ceiling, realized: s.realized });
    expect(unit.budget.satkers[0]).toMatchObject({ code: s.satkerCode, name: expect.stringContaining('Sintetis') });
    expect(
      unit.budget.satkers[0].outputs
        .map((o: { realizedVolume: number }) => o.realizedVolume)
        .reduce((a: number, b: number) => a + b, 0),
    ).toBe(s.graduates);
    const indicators = Object.fromEntries(
      unit.performance.goals
        .flatMap((g: { indicators: { code: string }[] }) => g.indicators)
        .map((i: { code: string }) => [i.code, i]),
    );
    expect(indicators['SK1.1']).toMatchObject({
      numerator: s.lksAccredited,
      denominator: s.lksAssessed,
      realizationSource: 'DERIVED',
    });
    expect(indicators['SK2.1']).toMatchObject({ numerator: s.competent, denominator: s.candidates });
    expect(indicators['SK2.2']).toMatchObject({ numerator: s.facilitatorGraduates });
    expect(indicators['SK3.1']).toMatchObject({ numerator: s.withLifeSkills, denominator: s.monitored });
    expect(indicators['SK4.1']).toMatchObject({ numerator: s.casesServed, denominator: s.cases });
    expect(indicators['SK5.1']).toMatchObject({ realizationSource: 'ENTERED' });
    expect(unit.satisfactionSurvey.respondents).toBe(100);
    // Everything the generator wrote to the budget and the survey says it is synthetic.
    expect(unit.budget.scoresProvenance).toBe('SYNTHETIC');
    expect(unit.budget.evidence.operational).toBe(0);
    expect(unit.budget.evidence.synthetic).toBe(unit.budget.evidence.records);
    expect(unit.satisfactionSurvey.evidence).toEqual({ synthetic: 100, records: 100 });
    const people = (await call(`{ participants(unit: "BBPPKS-MAKASSAR", first: 5) { nodes { name nik } } }`))
      .participants.nodes as { name: string; nik: string }[];
    for (const p of people) {
      expect(p.name).toContain('Sintetis');
      expect(p.nik.slice(4, 6)).toBe('00');
    }
    // Every training figure of the unit-year rests on generated records only, and says so.
    const training = (
      await call(`{ unit(code: "BBPPKS-MAKASSAR") {
        accreditationSummary(year: 2022) { provenance { synthetic records } }
        certificationSummary(year: 2022) { provenance { synthetic records } }
        atensiSummary(year: 2022) { provenance { synthetic records } }
        trainingVolume(fromYear: 2022, toYear: 2022) { provenance { synthetic records weakest } }
      } }`)
    ).unit;
    expect(training.accreditationSummary.provenance).toEqual({ synthetic: s.lksAssessed, records: s.lksAssessed });
    // Each candidate and their one result.
    expect(training.certificationSummary.provenance).toEqual({
      synthetic: 2 * s.candidates,
      records: 2 * s.candidates,
    });
    expect(training.atensiSummary.provenance).toEqual({ synthetic: s.cases, records: s.cases });
    expect(training.trainingVolume[0].provenance).toMatchObject({ weakest: 'SYNTHETIC' });
    expect(training.trainingVolume[0].provenance.synthetic).toBe(training.trainingVolume[0].provenance.records);

    const again = await generateSynthetic(call, { units: ['BBPPKS-MAKASSAR'], years: [2022], scale: 0.5 });
    expect(again.map((x) => x.skipped)).toEqual([true]);
  }, 120000);
});
