import {
  counterColumnList,
  counterValues,
  mergeProvenance,
  Provenance,
  provenanceCounterColumns,
  summarizeProvenance,
  summaryOfCounters,
} from '../src';

describe('provenance summary', () => {
  it('counts every provenance and names the weakest present', () => {
    const s = summarizeProvenance({ OPERATIONAL: 3, RECONSTRUCTED: 2 });
    expect(s).toMatchObject({ operational: 3, reported: 0, reconstructed: 2, synthetic: 0, records: 5 });
    expect(s.weakest).toBe(Provenance.RECONSTRUCTED);
  });

  it('has no weakest when the figure rests on no record', () => {
    expect(summarizeProvenance({}).weakest).toBeNull();
  });

  it('adds the parts of a figure together', () => {
    const merged = mergeProvenance([summarizeProvenance({ REPORTED: 1 }), summarizeProvenance({ SYNTHETIC: 4 })]);
    expect(merged).toMatchObject({ reported: 1, synthetic: 4, records: 5, weakest: Provenance.SYNTHETIC });
  });
});

describe('per-provenance counters of a rollup', () => {
  const columns = provenanceCounterColumns('Cases');

  it('names four columns after the noun, in the order of PROVENANCE_ORDER', () => {
    expect(counterColumnList(columns)).toEqual([
      'operationalCases',
      'reportedCases',
      'reconstructedCases',
      'syntheticCases',
    ]);
  });

  it('puts a signed count under the record provenance and refuses a name that is not one', () => {
    expect(counterValues('RECONSTRUCTED', -1)).toEqual([0, 0, -1, 0]);
    expect(() => counterValues('ESTIMATED', 1)).toThrow('ESTIMATED');
  });

  it('reads a summed row (strings and nulls as the drivers give them) into a summary', () => {
    const s = summaryOfCounters({ operationalCases: '2', reportedCases: null, syntheticCases: 1 }, columns);
    expect(s).toMatchObject({ operational: 2, reported: 0, reconstructed: 0, synthetic: 1, records: 3 });
    expect(s.weakest).toBe(Provenance.SYNTHETIC);
  });
});
