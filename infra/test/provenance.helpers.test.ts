import {
  addProvenanceCount,
  EventContractError,
  ForbiddenError,
  Provenance,
  provenanceOfEvent,
  provenanceOfWrite,
  sumProvenanceCounts,
} from '../src';

describe('provenance of events, writes and counted records', () => {
  it('reads an event without provenance as OPERATIONAL and refuses a name that is not one', () => {
    expect(provenanceOfEvent(undefined)).toBe(Provenance.OPERATIONAL);
    expect(provenanceOfEvent(null)).toBe(Provenance.OPERATIONAL);
    expect(provenanceOfEvent('RECONSTRUCTED')).toBe(Provenance.RECONSTRUCTED);
    expect(() => provenanceOfEvent('reconstructed')).toThrow(EventContractError);
  });

  it('lets only an admin record anything but OPERATIONAL', () => {
    const operator = { subject: 'op', role: 'operator' as const, unit: 'U' };
    const admin = { subject: 'ad', role: 'admin' as const, unit: null };
    expect(provenanceOfWrite(operator, undefined)).toBe(Provenance.OPERATIONAL);
    expect(provenanceOfWrite(operator, Provenance.OPERATIONAL)).toBe(Provenance.OPERATIONAL);
    expect(() => provenanceOfWrite(operator, Provenance.REPORTED)).toThrow(ForbiddenError);
    expect(provenanceOfWrite(admin, Provenance.SYNTHETIC)).toBe(Provenance.SYNTHETIC);
  });

  it('adds GROUP BY rows and sums counts, refusing a stored name that is not a provenance', () => {
    const counts = addProvenanceCount(addProvenanceCount({}, 'REPORTED', 2), 'REPORTED', 3);
    expect(counts).toEqual({ REPORTED: 5 });
    expect(() => addProvenanceCount({}, 'MADE_UP', 1)).toThrow(/not a provenance/);
    expect(sumProvenanceCounts([counts, { SYNTHETIC: 1 }, {}])).toEqual({ REPORTED: 5, SYNTHETIC: 1 });
  });
});
