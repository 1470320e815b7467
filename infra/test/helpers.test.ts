import { decodeCursor, encodeCursor, hasAtMost2Decimals, percentage, roundHalfUp, subjectMatches } from '../src';

describe('shared helpers', () => {
  it('rounds half up to 2 decimals, including binary edge cases', () => {
    expect(roundHalfUp(1.005)).toBe(1.01);
    expect(roundHalfUp(92.952)).toBe(92.95);
    expect(roundHalfUp(115.955)).toBe(115.96);
    expect(roundHalfUp(-2.345)).toBe(-2.35);
    expect(percentage(171, 202)).toBe(84.65);
    expect(percentage(2899, 2987)).toBe(97.05);
    expect(percentage(1, 0)).toBeNull();
  });

  it('tells two-decimal numbers from finer ones despite binary fractions', () => {
    for (const ok of [0.29, 80.07, 92.82, 1.1, 100, 0]) expect(hasAtMost2Decimals(ok)).toBe(true);
    for (const bad of [80.555, 0.001, 92.125]) expect(hasAtMost2Decimals(bad)).toBe(false);
  });

  it('matches NATS subjects with wildcards', () => {
    expect(subjectMatches('training.>', 'training.enrollment.graduated')).toBe(true);
    expect(subjectMatches('training.*.graduated', 'training.enrollment.graduated')).toBe(true);
    expect(subjectMatches('training.*', 'training.enrollment.graduated')).toBe(false);
    expect(subjectMatches('training.>', 'training')).toBe(false);
    expect(subjectMatches('budget.>', 'training.unit.registered')).toBe(false);
  });

  it('round-trips cursors and refuses foreign ones', () => {
    expect(decodeCursor(encodeCursor(42))).toBe('42');
    expect(() => decodeCursor(Buffer.from('x').toString('base64url'))).toThrow('invalid cursor');
  });
});
