import { describeContract } from './contract.cases';
import { startDistributedTestGraph } from './distributed.support';
import { query, tokenFor } from './support';

const PADANG = 'BBPPKS-PADANG';
const SK11 = `query($unit: ID!) { unit(code: $unit) { performance(year: 2022) { goals { indicators { code numerator denominator realization } } } } }`;

type Sk11 = { code: string; numerator: number | null; denominator: number | null; realization: number | null };

describeContract(
  'distributed mode: MariaDB, NATS JetStream',
  async () => {
    const graph = await startDistributedTestGraph('contract');
    await graph.settle();
    return graph;
  },
  (graph) => {
    const admin = () => tokenFor('admin');
    const mutate = async (source: string, input: Record<string, unknown>) => {
      const res = await query<Record<string, { id?: string; code?: string }>>(graph(), source, { input }, admin());
      expect(res.errors).toBeUndefined();
      return Object.values(res.data!)[0];
    };
    const sk11 = async (): Promise<Sk11> => {
      const res = await query<{ unit: { performance: { goals: { indicators: Sk11[] }[] } } }>(
        graph(),
        SK11,
        { unit: PADANG },
        admin(),
      );
      expect(res.errors).toBeUndefined();
      return res.data!.unit.performance.goals.flatMap((g) => g.indicators).find((i) => i.code === 'SK1.1')!;
    };
    /** Polls until the check holds; answers how long it took from `since`. */
    const within = async (since: number, check: () => Promise<boolean>, limitMs: number): Promise<number> => {
      while (!(await check())) {
        if (Date.now() - since > limitMs) throw new Error(`not seen within ${limitMs} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return Date.now() - since;
    };

    it('an accreditation decision recorded through the gateway changes SK1.1 for its year within a second, over NATS', async () => {
      expect(await sk11()).toMatchObject({ numerator: 171, denominator: 202, realization: 84.65 });
      const lks = await mutate(
        `mutation($input: RegisterLksInstitutionInput!) { registerLksInstitution(input: $input) { id } }`,
        {
          unit: PADANG,
          name: 'LKS Sintetis Uji Ujung-ke-Ujung',
          kind: 'ELDERLY',
          province: 'Sumatera Barat',
          regency: 'Kota Padang',
        },
      );
      const before = Date.now();
      await mutate(`mutation($input: RecordAccreditationInput!) { recordAccreditation(input: $input) { id } }`, {
        institutionId: lks.id,
        visitDate: '2022-11-14',
        decidedOn: '2022-11-28',
        result: 'A',
        assessorTeam: ['Asesor Sintetis 01', 'Asesor Sintetis 02'],
      });
      const ms = await within(before, async () => (await sk11()).denominator === 203, 1000);
      expect(await sk11()).toMatchObject({ numerator: 172, denominator: 203, realization: 84.73 });
      console.log(
        `SK1.1 changed ${ms} ms after recordAccreditation answered (gateway -> training -> outbox -> NATS -> performance)`,
      );
    });

    it('a unit registered through the gateway becomes known to the performance subgraph over NATS', async () => {
      const before = Date.now();
      await mutate(`mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { code } }`, {
        code: 'BBPPKS-UJI',
        name: 'Balai Sintetis Uji',
      });
      await within(
        before,
        async () => {
          const res = await query<{ unit: { knownToPerformance: boolean } }>(
            graph(),
            `{ unit(code: "BBPPKS-UJI") { knownToPerformance } }`,
            {},
            admin(),
          );
          expect(res.errors).toBeUndefined();
          return res.data!.unit.knownToPerformance;
        },
        5000,
      );
    });
  },
);
