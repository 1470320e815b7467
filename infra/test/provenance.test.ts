import { mergeProvenance, Provenance, summarizeProvenance } from '../src';

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
