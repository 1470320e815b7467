import type { OperationDefinitionNode } from 'graphql';
import { Kind, parse, print } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmbeddedSystem } from '../src';
import { query, startTestGraph, tokenFor } from './support';

/** One operation of the analysts' contract, verbatim (the file also holds other subgraphs' operations). */
function contractOperation(name: string): string {
  const doc = parse(readFileSync(join(__dirname, 'contract', 'analytics.graphql'), 'utf8'));
  const op = doc.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name,
  );
  if (!op) throw new Error(`the analytics contract has no operation ${name}`);
  return print(op);
}

interface StatsRow {
  unit: { code: string; name?: string } | null;
  year?: number;
  programmeCode?: string;
  graduated: number;
  enrolled?: number;
  participants?: number;
  graduationRate?: number | null;
}

describe("the analysts' training operations through the gateway (embedded graph)", () => {
  let graph: EmbeddedSystem;
  beforeAll(async () => {
    graph = await startTestGraph();
  }, 180000);
  afterAll(async () => graph?.stop());

  it('TrainingByUnitYear answers every role in one request; viewers and operators get their own unit', async () => {
    const source = contractOperation('TrainingByUnitYear');
    const analyst = await query<{ trainingStats: StatsRow[] }>(
      graph,
      source,
      { from: 2018, to: 2022 },
      tokenFor('analyst'),
    );
    expect(analyst.errors).toBeUndefined();
    const padang = analyst.data!.trainingStats.filter((r) => r.unit?.code === 'BBPPKS-PADANG');
    expect(padang.map((r) => r.year)).toEqual([2018, 2019, 2020, 2021, 2022]);
    const y2022 = padang.find((r) => r.year === 2022)!;
    expect(y2022).toMatchObject({ enrolled: 2790, graduated: 2790, graduationRate: 100 });
    expect(y2022.unit?.name).toContain('Padang');
    for (const role of ['viewer', 'operator']) {
      const own = await query<{ trainingStats: StatsRow[] }>(
        graph,
        source,
        { from: 2018, to: 2022 },
        tokenFor(role, 'BBPPKS-PADANG'),
      );
      expect(own.errors).toBeUndefined();
      expect(own.data!.trainingStats).toEqual(padang);
      const other = await query<{ trainingStats: StatsRow[] }>(
        graph,
        source,
        { from: 2018, to: 2022 },
        tokenFor(role, 'BBPPKS-BANDUNG'),
      );
      expect(other.errors).toBeUndefined();
      expect(other.data!.trainingStats.filter((r) => r.unit?.code === 'BBPPKS-PADANG')).toEqual([]);
    }
  }, 60000);

  it('GraduatesByProgrammeGenderEducation answers in one request and adds up to the volume', async () => {
    const r = await query<{ trainingStats: StatsRow[] }>(
      graph,
      contractOperation('GraduatesByProgrammeGenderEducation'),
      { year: 2022 },
      tokenFor('analyst'),
    );
    expect(r.errors).toBeUndefined();
    const rows = r.data!.trainingStats;
    const volume = await query<{
      unit: { trainingVolume: { byProgramme: { programmeCode: string; realized: number }[] }[] };
    }>(
      graph,
      `{ unit(code: "BBPPKS-PADANG") { trainingVolume(fromYear: 2022, toYear: 2022) { byProgramme { programmeCode realized } } } }`,
      {},
      tokenFor('analyst'),
    );
    for (const p of volume.data!.unit.trainingVolume[0].byProgramme)
      expect([
        p.programmeCode,
        rows.filter((x) => x.programmeCode === p.programmeCode).reduce((s, x) => s + x.graduated, 0),
      ]).toEqual([p.programmeCode, p.realized]);
  }, 60000);
});
