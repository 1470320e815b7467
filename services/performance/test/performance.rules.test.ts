import { achievementOf, goalAchievement } from '../src/performance/performance.service';
import { Polarity } from '../src/plan/plan.type';
import { quarterOf } from '../src/realization/realization.service';
import { competitionRanks, sakipCategory } from '../src/sakip/sakip.service';
import { syntheticResponses } from '../src/seed/survey.seed';
import { exactRatio2, satisfactionGrade, satisfactionIndex } from '../src/survey/survey.service';

describe('achievement rules', () => {
  it('divides the rounded realisation by the target and rounds half-up (positive polarity)', () => {
    expect(achievementOf(84.65, 73, Polarity.HIGHER_IS_BETTER, null)).toBe(115.96);
    expect(achievementOf(97.05, 82, Polarity.HIGHER_IS_BETTER, null)).toBe(118.35);
    expect(achievementOf(100, 97, Polarity.HIGHER_IS_BETTER, null)).toBe(103.09);
    expect(achievementOf(92.95, 75, Polarity.HIGHER_IS_BETTER, null)).toBe(123.93);
    expect(achievementOf(91.6, 90, Polarity.HIGHER_IS_BETTER, null)).toBe(101.78);
  });

  it('mirrors around the target for negative polarity and honours a cap', () => {
    expect(achievementOf(80, 100, Polarity.LOWER_IS_BETTER, null)).toBe(120);
    expect(achievementOf(120, 100, Polarity.LOWER_IS_BETTER, null)).toBe(80);
    expect(achievementOf(133.33, 100, Polarity.HIGHER_IS_BETTER, 120)).toBe(120);
  });

  it('gives no achievement without a target or realisation', () => {
    expect(achievementOf(null, 75, Polarity.HIGHER_IS_BETTER, null)).toBeNull();
    expect(achievementOf(50, 0, Polarity.HIGHER_IS_BETTER, null)).toBeNull();
  });

  it("averages a goal's indicators and rounds half-up", () => {
    expect(goalAchievement([118.35, 103.09])).toBe(110.72);
    expect(goalAchievement([106.76, 123.93])).toBe(115.35);
    expect(goalAchievement([106.76, null])).toBe(106.76);
    expect(goalAchievement([null])).toBeNull();
  });
});

describe('SAKIP categories', () => {
  it.each([
    [100, 'AA'],
    [90.01, 'AA'],
    [90, 'A'],
    [80.07, 'A'],
    [80, 'BB'],
    [70.04, 'BB'],
    [70, 'B'],
    [66.98, 'B'],
    [60, 'CC'],
    [50.01, 'CC'],
    [50, 'C'],
    [30.01, 'C'],
    [30, 'D'],
    [0, 'D'],
  ])('score %p is %p', (score, category) => expect(sakipCategory(score)).toBe(category));

  it('lets equal scores share a rank', () => {
    expect(competitionRanks([82.03, 81.99, 80.95, 80.95, 80.26])).toEqual([1, 2, 3, 3, 5]);
  });
});

describe('satisfaction index (IKM)', () => {
  it('weights the nine elements exactly 1/9 and rounds half-up', () => {
    expect(satisfactionIndex(36, 1)).toBe(100);
    expect(satisfactionIndex(9, 1)).toBe(25);
    // 31 / 9 x 25 = 86.1111...; a 0.111 weight would give 86.0250.
    expect(satisfactionIndex(31, 1)).toBe(86.11);
    expect(exactRatio2(1, 8)).toBe(0.13);
    expect(exactRatio2(2, 3)).toBe(0.67);
  });

  it("grades the rounded index by the regulation's bands", () => {
    expect(satisfactionGrade(88.31)).toBe('A');
    expect(satisfactionGrade(88.3)).toBe('B');
    expect(satisfactionGrade(76.61)).toBe('B');
    expect(satisfactionGrade(76.6)).toBe('C');
    expect(satisfactionGrade(65)).toBe('C');
    expect(satisfactionGrade(64.99)).toBe('D');
  });

  it("computes 91.60 from the synthetic 2022 answers with the report's demographics", () => {
    const rows = syntheticResponses();
    expect(rows).toHaveLength(1508);
    expect(rows.filter((r) => r.gender === 'MALE')).toHaveLength(868);
    expect(rows.filter((r) => r.gender === 'FEMALE')).toHaveLength(640);
    const sum = rows.reduce((s, r) => s + r.answers.reduce((a, b) => a + b, 0), 0);
    expect(satisfactionIndex(sum, rows.length)).toBe(91.6);
  });
});

describe('quarter of a dated fact', () => {
  it('places a day of the year in its quarter, an earlier day in the first, a later or missing day nowhere', () => {
    expect([
      quarterOf('2022-01-01', 2022),
      quarterOf('2022-03-31', 2022),
      quarterOf('2022-04-01', 2022),
      quarterOf('2022-09-30', 2022),
      quarterOf('2022-12-31', 2022),
    ]).toEqual([1, 1, 2, 3, 4]);
    expect(quarterOf('2021-12-20', 2022)).toBe(1);
    expect(quarterOf('2023-01-05', 2022)).toBeNull();
    expect(quarterOf(undefined, 2022)).toBeNull();
    expect(quarterOf(null, 2022)).toBeNull();
  });

  it('refuses a malformed day, so the payload is dead-lettered rather than misplaced', () => {
    expect(() => quarterOf('2022-13-01', 2022)).toThrow(/YYYY-MM-DD/);
    expect(() => quarterOf('30/06/2022', 2022)).toThrow(/YYYY-MM-DD/);
    expect(() => quarterOf(20220630, 2022)).toThrow(/YYYY-MM-DD/);
  });
});
