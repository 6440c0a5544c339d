// SPEC §2 "Rectification ledger", rule by rule at its edges: a problem's state
// at a date E, the committees' figures, the suggestions and the grading cap.
import { describe, expect, it } from 'vitest';
import { defaultRules } from '../src/core/rules.js';
import { ledgerAt, stateAt } from '../src/analyses/ledger.js';
import { suggestProblems } from '../src/analyses/ledger-suggest.js';
import { gradePeriod } from '../src/analyses/grade.js';
import type { OwnedPledge, Problem, Recheck } from '../src/core/model.js';
import { org, pledge, review, votes } from './fixtures.js';

const rules = defaultRules();
const src = { file: 'ledger.yaml', line: 1 };

function problem(over: Partial<Problem> = {}): Problem {
  return {
    id: 'ZG-1',
    org: 'D1',
    found: '2011-04-10',
    period: '2011Q2',
    source: 'masses',
    pledge: null,
    content: '村务公开栏未更新',
    measures: '按月更新',
    owner: '张三',
    due: '2011-05-31',
    status: 'open',
    resolved: null,
    closed: null,
    evaluation: null,
    published: null,
    rechecks: [],
    src,
    ...over,
  };
}
const recheck = (date: string, result: Recheck['result']): Recheck => ({ date, result, note: null });

describe('a problem at E', () => {
  const closed = { status: 'closed' as const, resolved: '2011-05-20', closed: '2011-06-05' };
  it.each([
    // [case, problem, E, done, closed, relapsed, overdue, days, supervised]
    ['due on E: not yet overdue', problem(), '2011-05-31', false, false, false, false, 0, false],
    ['the day after its deadline: one day overdue', problem(), '2011-06-01', false, false, false, true, 1, false],
    ['30 days overdue: not yet supervised', problem(), '2011-06-30', false, false, false, true, 30, false],
    ['31 days overdue: supervised', problem(), '2011-07-01', false, false, false, true, 31, true],
    ['resolved on E: done, never overdue', problem({ status: 'resolved', resolved: '2011-06-30' }), '2011-06-30', true, false, false, false, 0, false],
    [
      'resolved the day after E: still overdue at E',
      problem({ status: 'resolved', resolved: '2011-07-01' }),
      '2011-06-30',
      false,
      false,
      false,
      true,
      30,
      false,
    ],
    ['closed on E: closed', problem(closed), '2011-06-05', true, true, false, false, 0, false],
    ['closed after E: done but not closed', problem(closed), '2011-06-04', true, false, false, false, 0, false],
    [
      'a recheck that holds keeps it closed',
      problem({ ...closed, rechecks: [recheck('2011-09-10', 'holds')] }),
      '2011-09-30',
      true,
      true,
      false,
      false,
      0,
      false,
    ],
    [
      'a relapse after closing: not closed from the recheck on',
      problem({ ...closed, rechecks: [recheck('2011-09-10', 'relapsed')] }),
      '2011-09-10',
      true,
      false,
      true,
      false,
      0,
      false,
    ],
    [
      'a relapse counts only from its date',
      problem({ ...closed, rechecks: [recheck('2011-09-10', 'relapsed')] }),
      '2011-09-09',
      true,
      true,
      false,
      false,
      0,
      false,
    ],
    [
      'the latest recheck up to E decides: held again after a relapse',
      problem({ ...closed, rechecks: [recheck('2011-12-01', 'holds'), recheck('2011-09-10', 'relapsed')] }),
      '2011-12-31',
      true,
      true,
      false,
      false,
      0,
      false,
    ],
  ])('%s', (_, p, end, done, closedAt, relapsed, overdue, days, supervised) => {
    const s = stateAt(p, end, rules);
    expect([s.done, s.closedAt, s.relapsed, s.overdue, s.days_overdue, s.supervised]).toEqual([done, closedAt, relapsed, overdue, days, supervised]);
  });

  it('supervision follows ledger.supervise_after_days', () => {
    const strict = { ...rules, ledger: { ...rules.ledger, supervise_after_days: 0 } };
    expect(stateAt(problem(), '2011-06-01', strict).supervised).toBe(true);
  });
});

describe('the ledger at E', () => {
  const orgs = [org('W', 'committee', null), org('T1', 'committee', 'W'), org('D1', 'branch', 'T1'), org('D2', 'branch', 'T1'), org('D3', 'branch', 'W')];
  const problems = [
    problem({ id: 'A', org: 'D1', status: 'closed', resolved: '2011-05-01', closed: '2011-05-02' }),
    problem({ id: 'B', org: 'D2', due: '2011-04-30' }), // 61 days overdue at 06-30: supervised
    problem({ id: 'C', org: 'D3', found: '2011-07-02' }), // found after E: not in the ledger yet
    problem({ id: 'D', org: 'D3', status: 'closed', resolved: '2011-05-01', closed: '2011-05-03' }),
  ];

  it('counts what was found by E, per committee over its subtree at any depth, ranked by rate; the whole area is the total, not a rank', () => {
    const l = ledgerAt(problems, orgs, '2011-06-30', rules);
    expect(l.problems.map((s) => s.problem.id)).toEqual(['A', 'B', 'D']);
    expect(l.summary).toEqual({ found: 3, closed: 2, rate: 2 / 3, overdue: 1, supervised: 1 });
    expect(l.committees.map((c) => [c.org, c.found, c.closed, c.rate, c.overdue, c.supervised, c.rank])).toEqual([
      ['T1', 2, 1, 0.5, 1, 1, 1],
      ['W', 3, 2, 2 / 3, 1, 1, null],
    ]);
  });

  it('one subtree: its root is its total', () => {
    const l = ledgerAt(problems, orgs, '2011-06-30', rules, 'T1');
    expect(l.problems.map((s) => s.problem.id)).toEqual(['A', 'B']);
    expect(l.committees.map((c) => [c.org, c.rank])).toEqual([['T1', null]]);
    expect(l.summary.rate).toBe(0.5);
  });

  it('a committee without problems comes last, with no rate', () => {
    const sub = [...orgs, org('T2', 'committee', 'W')];
    const l = ledgerAt(problems.slice(0, 1), sub, '2011-06-30', rules);
    expect(l.committees.map((c) => [c.org, c.rate, c.rank])).toEqual([
      ['T1', 1, 1],
      ['T2', null, 2],
      ['W', 1, null],
    ]);
    const none = ledgerAt([], orgs, '2011-06-30', rules);
    expect(none.summary).toEqual({ found: 0, closed: 0, rate: null, overdue: 0, supervised: 0 });
    expect(none.committees.map((c) => [c.org, c.rate, c.rank])).toEqual([
      ['T1', null, 1],
      ['W', null, null],
    ]);
  });
});

describe('suggestions for a quarter', () => {
  const orgs = [org('W', 'committee', null), org('D1'), org('D2'), org('D3')];
  const grading = gradePeriod({
    period: '2011Q2',
    orgs,
    reviews: [
      review('D1', '2011Q2', 95, votes(30, 0, 10), 95), // satisfaction 75 %: capped, graded average
      review('D2', '2011Q2', 70, votes(40), 70), // graded average
      review('D3', '2011Q2', 95, votes(40), 95), // good
    ],
    previousReviews: [],
    commentaries: [],
    pledges: [],
    rules,
  });
  const overdue: OwnedPledge = { ...pledge('D3', '2011-06-01', 'in_progress'), id: 'P-D3', member: null };
  const input = (ledger: Problem[]) => ({ period: '2011Q2', orgs, grading, pledges: [overdue], ledger, rules });

  it('each capped or average org and each overdue pledge, with its reasons and a proposed id', () => {
    const s = suggestProblems(input([]));
    expect(s.map((x) => [x.id, x.org, x.source, x.pledge, x.reasons.map((r) => r.id)])).toEqual([
      ['ZG-2011Q2-D1-1', 'D1', 'grading', null, ['lg_r_satisfaction', 'lg_r_grade']],
      ['ZG-2011Q2-D2-1', 'D2', 'grading', null, ['lg_r_grade']],
      ['ZG-2011Q2-D3-1', 'D3', 'pledge', 'P-D3', ['lg_r_pledge']],
    ]);
  });

  it('not when the ledger holds that problem, found in the quarter or still open at its end', () => {
    const held = [
      problem({ id: 'ZG-2011Q2-D1-1', org: 'D1', source: 'grading', found: '2011-06-30' }),
      problem({ id: 'X', org: 'D2', source: 'grading', found: '2011-01-10', due: '2011-12-31' }), // older, not closed at Q's end
      problem({ id: 'Y', org: 'D3', source: 'pledge', pledge: 'P-OTHER', found: '2011-06-01' }), // another pledge
    ];
    const s = suggestProblems(input(held));
    expect(s.map((x) => [x.id, x.org])).toEqual([['ZG-2011Q2-D3-1', 'D3']]);
  });

  it('an older problem closed before the quarter ended does not hold a new one back', () => {
    const closed = problem({ id: 'X', org: 'D2', source: 'grading', found: '2011-01-10', status: 'closed', resolved: '2011-02-01', closed: '2011-02-02' });
    expect(suggestProblems(input([closed])).map((x) => x.org)).toContain('D2');
  });
});

describe('the optional open-problem cap', () => {
  const orgs = [org('W', 'committee', null), org('D1')];
  const grade = (capped: boolean, problems: Problem[]) =>
    gradePeriod({
      period: '2011Q2',
      orgs,
      reviews: [review('D1', '2011Q2', 95, votes(40), 95)],
      previousReviews: [],
      commentaries: [],
      pledges: [],
      problems,
      rules: capped ? { ...rules, grading: { ...rules.grading, caps: { ...rules.grading.caps, open_problem: { max: 'average' } } } } : rules,
    }).orgs[0];

  it('is off by default', () => {
    expect(grade(false, [problem({ due: '2011-04-30' })]).grade).toBe('good');
  });

  it('caps an org with a supervised problem at E, and the explanation names the problem', () => {
    const g = grade(true, [problem({ due: '2011-04-30' })]);
    expect([g.grade, g.caps]).toEqual(['average', ['open_problem']]);
    expect(g.explain.find((x) => x.id === 'x_cap_open_problem')).toMatchObject({ params: { id: 'ZG-1', days: 61 }, src });
  });

  it('not for a problem overdue but not yet supervised', () => {
    expect(grade(true, [problem({ due: '2011-06-01' })]).grade).toBe('good');
  });
});
