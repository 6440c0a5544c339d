import { describe, expect, it } from 'vitest';
import { gradePeriod, round1, type GradeInput } from '../src/analyses/grade.js';
import { defaultRules } from '../src/core/rules.js';
import type { Rules } from '../src/core/rules.js';
import { org, pledge, review, votes } from './fixtures.js';
import type { Review } from '../src/core/model.js';

const W = org('W', 'committee', null);

function grade(reviews: Review[], extra: Partial<GradeInput> = {}) {
  const input: GradeInput = {
    period: '2011Q1',
    orgs: [W, org('A')],
    reviews,
    previousReviews: [],
    commentaries: reviews,
    pledges: [],
    rules: defaultRules(),
    ...extra,
  };
  return gradePeriod(input);
}
const only = (g: ReturnType<typeof grade>, code = 'A') => g.orgs.find((o) => o.org === code)!;

describe('composite and levels', () => {
  it('rounds half-up at 89.95 → 90.0 (好) and 79.95 → 80.0 (较好)', () => {
    // 0.2·85 + 0.3·96.5 + 0.5·88 = 89.95 (masses: (100·38 + 60·1)/40 = 96.5)
    const a = only(grade([review('A', '2011Q1', 85, votes(38, 1, 1), 88)]));
    expect(a.composite).toBe(90);
    expect(a.grade).toBe('good');
    // 0.2·80 + 0.3·96.5 + 0.5·70 = 79.95
    const b = only(grade([review('A', '2011Q1', 80, votes(38, 1, 1), 70)]));
    expect(b.composite).toBe(80);
    expect(b.grade).toBe('fair');
  });

  it('89.94 stays 89.9 (较好); round1 is immune to binary fractions', () => {
    expect(round1(89.94)).toBe(89.9);
    expect(round1(0.2 * 85 + 0.3 * 96.5 + 0.5 * 88)).toBe(90);
    expect(round1(79.94999999999999)).toBe(80);
  });

  it('the masses score weighs satisfied 100 and basic 60', () => {
    // (100·45 + 60·3) / 50 = 93.6; composite 0.2·92 + 0.3·93.6 + 0.5·88 = 90.48 → 90.5
    const a = only(grade([review('A', '2011Q1', 92, votes(45, 3, 2), 88)]));
    expect(a.masses_score).toBeCloseTo(93.6, 10);
    expect(a.composite).toBe(90.5);
    expect(a.satisfaction).toBe(0.96);
  });
});

describe('caps', () => {
  it('satisfaction exactly 90% is not capped', () => {
    const a = only(grade([review('A', '2011Q1', 95, votes(80, 10, 10), 95)]));
    expect(a.satisfaction).toBe(0.9);
    expect(a.caps).toEqual([]);
    expect(a.grade).toBe('good');
    expect(a.remedial).toBe(false);
  });

  it('below 90% caps at 一般 and puts the org on the remedial list', () => {
    const g = grade([review('A', '2011Q1', 95, votes(79, 10, 11), 95)]);
    const a = only(g);
    expect(a.level).toBe('good');
    expect(a.computed).toBe('average');
    expect(a.caps).toEqual(['satisfaction']);
    expect(g.remedial).toEqual(['A']);
  });

  it('a pledge fulfilled after the period end is overdue at the end: capped at 较好', () => {
    const r = [review('A', '2011Q1', 95, votes(50), 95)];
    const late = only(grade(r, { pledges: [pledge('A', '2011-03-31', 'fulfilled', '2011-04-02')] }));
    expect(late.caps).toEqual(['overdue_pledge']);
    expect(late.grade).toBe('fair');
    const onTime = only(grade(r, { pledges: [pledge('A', '2011-03-31', 'fulfilled', '2011-03-31')] }));
    expect(onTime.caps).toEqual([]);
    const abandoned = only(grade(r, { pledges: [pledge('A', '2011-03-31', 'abandoned')] }));
    expect(abandoned.caps).toEqual([]);
    const notDue = only(grade(r, { pledges: [pledge('A', '2011-04-01', 'in_progress')] }));
    expect(notDue.caps).toEqual([]);
  });

  it('caps lower, never raise; a cap that does not lower is still listed', () => {
    const a = only(grade([review('A', '2011Q1', 70, votes(50), 70)], { pledges: [pledge('A', '2011-02-01', 'pending')] }));
    expect(a.grade).toBe('average');
    expect(a.caps).toEqual(['overdue_pledge']);
  });
});

describe('commentary, overrides, ungraded', () => {
  it('commentary exactly 183 days before the period end counts; 184 days does not', () => {
    // 2011-03-31 − 183 days = 2010-09-29
    const at = (date: string) => review('A', '2011Q1', 95, votes(50), 95, { commentary: { date, by: '王五', text: '好' } });
    expect(only(grade([at('2010-09-29')])).flags).toEqual([]);
    expect(only(grade([at('2010-09-28')])).flags).toEqual(['commentary_overdue']);
    // a commentary in an older review of the org counts too
    const old = { ...at('2010-12-20'), period: '2010Q4' };
    const now = review('A', '2011Q1', 95, votes(50), 95, { commentary: null });
    expect(only(grade([now], { commentaries: [old] })).flags).toEqual([]);
    // one dated after the period end does not
    expect(only(grade([at('2011-04-01')])).flags).toEqual(['commentary_overdue']);
  });

  it('an override is final, marked, with its reason; the computed grade is kept', () => {
    const a = only(grade([review('A', '2011Q1', 70, votes(50), 70, { grade: 'good', reason: '抗洪抢险表现突出' })]));
    expect(a).toMatchObject({ computed: 'average', grade: 'good', override: true, reason: '抗洪抢险表现突出', action: 'consolidate' });
  });

  it('a branch without review is ungraded; a committee without review is not listed; inactive orgs are left out', () => {
    const g = grade([review('A', '2011Q1', 95, votes(50), 95)], {
      orgs: [W, org('A'), org('B'), org('X', 'branch', 'W', { active: false })],
    });
    expect(g.orgs.map((o) => [o.org, o.grade])).toEqual([
      ['A', 'good'],
      ['B', 'ungraded'],
    ]);
    expect(g.summary).toEqual({ good: 1, fair: 0, average: 0, poor: 0, ungraded: 1 });
    expect(only(g, 'B').movement).toBeNull();
  });
});

describe('movement (晋位升级)', () => {
  it('up, down, same and new against the previous final grade', () => {
    const orgs = [W, org('A'), org('B'), org('C'), org('D')];
    const prev = [
      review('A', '2010Q4', 85, votes(50), 85), // fair
      review('B', '2010Q4', 95, votes(50), 95), // good
      review('C', '2010Q4', 70, votes(50), 70, { grade: 'fair', reason: '上级决定' }), // override counts as final
    ];
    const now = [
      review('A', '2011Q1', 95, votes(50), 95),
      review('B', '2011Q1', 85, votes(50), 85),
      review('C', '2011Q1', 85, votes(50), 85),
      review('D', '2011Q1', 85, votes(50), 85),
    ];
    const g = grade(now, { orgs, previousReviews: prev, commentaries: [...prev, ...now] });
    expect(g.orgs.map((o) => [o.org, o.previous, o.movement])).toEqual([
      ['A', 'fair', 'up'],
      ['B', 'good', 'down'],
      ['C', 'fair', 'same'],
      ['D', null, 'new'],
    ]);
  });
});

describe('a four-level rules file', () => {
  it('adds 差 below 60, with the rectify action; share limits warn', () => {
    const rules: Rules = defaultRules();
    rules.grading.levels = [{ grade: 'good', min: 90 }, { grade: 'fair', min: 80 }, { grade: 'average', min: 60 }, { grade: 'poor' }];
    rules.grading.shares = [
      { grade: 'good', max: 0.1 },
      { grade: 'poor', min: 0.05 },
    ];
    // A: 0.2·40 + 0.3·20 + 0.5·40 = 34 → 差; the satisfaction cap (20%) never raises it to 一般
    const g = grade([review('A', '2011Q1', 40, votes(10, 0, 40), 40), review('B', '2011Q1', 95, votes(50), 95)], { orgs: [W, org('A'), org('B')], rules });
    expect(only(g)).toMatchObject({ composite: 34, level: 'poor', grade: 'poor', caps: ['satisfaction'], action: 'rectify' });
    expect(g.summary.poor).toBe(1);
    expect(g.shares).toEqual([{ grade: 'good', bound: 'max', limit: 0.1, share: 0.5 }]);
  });
});
