import { describe, expect, it } from 'vitest';
import { rateStars, scoreMember } from '../src/analyses/stars.js';
import { itemsOf, monthQuota, periodQuota } from '../src/analyses/quota.js';
import { gradePeriod } from '../src/analyses/grade.js';
import { defaultRules } from '../src/core/rules.js';
import { activeCounts, joined, member, org, points, report, review, typical, votes } from './fixtures.js';
import type { Org, Review } from '../src/core/model.js';

const rules = defaultRules();

describe('member stars', () => {
  it('scores are points minus deductions (floor 0); a star for each score ≥ 18', () => {
    const p = points('M1', '2011Q1', 20, {
      study: 18,
      excel: 17,
      deductions: [
        { dimension: 'service', points: 3, reason: '缺席' },
        { dimension: 'integrity', points: 25, reason: '违纪' },
      ],
    });
    const s = scoreMember(p, rules);
    expect(s.scores).toEqual({ study: 18, excel: 17, service: 17, discipline: 20, integrity: 0 });
    expect(s.stars).toBe(2);
  });
});

/** A committee W with committee V below it and branches two levels down. */
function county(): Org[] {
  return [org('W', 'committee', null), org('V', 'committee', 'W'), org('A', 'branch', 'V'), org('B', 'branch', 'V'), org('C', 'branch', 'W')];
}
const months = ['2011-01', '2011-02', '2011-03'];
const threeEach = (code: string) => months.flatMap((m) => [1, 2, 3].map((i) => report(code, `${m}-0${i}`, `${code}第${i}条`)));

function run(
  orgs: Org[],
  reviews: Review[],
  extra: {
    members?: ReturnType<typeof member>[];
    pts?: ReturnType<typeof points>[];
    reports?: ReturnType<typeof report>[];
    typicals?: ReturnType<typeof typical>[];
  } = {},
) {
  const grading = gradePeriod({ period: '2011Q1', orgs, reviews, previousReviews: [], commentaries: reviews, pledges: [], rules });
  const typicals = extra.typicals ?? [];
  const quota = periodQuota('2011Q1', orgs, itemsOf(extra.reports ?? [], rules), typicals, rules);
  const monthsMet = new Map(quota.orgs.map((o) => [o.org, o.months_met]));
  const members = extra.members ?? [];
  return rateStars({
    period: '2011Q1',
    orgs,
    points: joined(members, extra.pts ?? []),
    activeMembers: activeCounts(members),
    grading,
    monthsMet,
    typicals,
    rules,
  });
}
const good = (o: string) => review(o, '2011Q1', 95, votes(50), 95);
const fair = (o: string) => review(o, '2011Q1', 85, votes(50), 85);

describe('benchmark branches', () => {
  it('needs 好, red stars ≥ 30% of active members (exactly 30% passes), and the quota every month', () => {
    const members = Array.from({ length: 10 }, (_, i) => member(`M${i}`, 'A'));
    members.push(member('MX', 'A', false)); // inactive: not counted
    const pts = members.map((m, i) => points(m.id, '2011Q1', i < 3 ? 20 : 15));
    const s = run(county(), [good('A')], { members, pts, reports: threeEach('A') });
    const a = s.benchmark.find((b) => b.code === 'A')!;
    expect(a.qualified).toBe(true);
    expect(s.members.filter((m) => m.red_star).map((m) => m.member)).toEqual(['M0', 'M1', 'M2']);
    expect(s.members.some((m) => m.member === 'MX')).toBe(false);
    // two red stars of ten: 20% is not enough
    const fewer = run(county(), [good('A')], { members, pts: pts.map((p, i) => (i === 2 ? { ...p, study: 10 } : p)), reports: threeEach('A') });
    expect(fewer.benchmark.find((b) => b.code === 'A')!.qualified).toBe(false);
    // a month below quota
    const short = run(county(), [good('A')], { members, pts, reports: threeEach('A').slice(1) });
    expect(short.benchmark.find((b) => b.code === 'A')!.qualified).toBe(false);
  });

  it('a red star needs member satisfaction ≥ 90% where votes are given', () => {
    const members = [member('M1', 'A'), member('M2', 'A')];
    const pts = [points('M1', '2011Q1', 20, { masses: votes(9, 0, 1) }), points('M2', '2011Q1', 20, { masses: votes(8, 0, 2) })];
    const s = run(county(), [good('A')], { members, pts });
    expect(s.members.map((m) => [m.member, m.red_star])).toEqual([
      ['M1', true],
      ['M2', false],
    ]);
  });
});

describe('flag committees', () => {
  it('counts graded branches two levels down: ≥ 60% 好, none 一般, a typical in the quarter', () => {
    const orgs = county();
    // W: A (via V) good, B (via V) good, C fair → 2/3 = 66.7% good
    const ok = run(orgs, [good('A'), good('B'), fair('C')], { typicals: [typical('W', '2011-02-10')] });
    expect(ok.flag.find((f) => f.code === 'W')!.qualified).toBe(true);
    // V has no typical of its own
    expect(ok.flag.find((f) => f.code === 'V')!.qualified).toBe(false);
    const noTypical = run(orgs, [good('A'), good('B'), fair('C')]);
    expect(noTypical.flag.find((f) => f.code === 'W')!.qualified).toBe(false);
    const average = run(
      orgs,
      [good('A'), good('B'), good('C'), review('A', '2011Q1', 95, votes(50), 95)].slice(1).concat(review('A', '2011Q1', 70, votes(50), 70)),
      { typicals: [typical('W', '2011-02-10')] },
    );
    expect(average.flag.find((f) => f.code === 'W')!.qualified).toBe(false);
    const none = run([org('W', 'committee', null)], [], { typicals: [typical('W', '2011-02-10')] });
    expect(none.flag[0].qualified).toBe(false);
  });
});

describe('report quota', () => {
  it('counts duplicate titles once with the highest adoption; points 1/5/10/20/40; ranks by points, count, code', () => {
    const orgs = [org('W', 'committee', null), org('A', 'branch', 'W'), org('B', 'branch', 'W'), org('X', 'branch', 'W', { active: false })];
    const reports = [
      report('A', '2011-03-01', '民情流水线'),
      report('A', '2011-03-20', '民情流水线', 'city'),
      report('A', '2011-03-05', '第二条', 'county'),
      report('B', '2011-03-01', '一', 'province'),
      report('B', '2011-03-02', '二', 'central'),
      report('B', '2011-03-03', '三'),
      report('B', '2011-02-03', '上月的'),
      report('X', '2011-03-03', '撤销组织的'),
    ];
    const q = monthQuota('2011-03', orgs, itemsOf(reports, rules), rules);
    expect(q.orgs.map((o) => [o.rank, o.org, o.count, o.met, o.shortfall, o.points])).toEqual([
      [1, 'B', 3, true, 0, 61],
      [2, 'A', 2, false, 1, 15],
      [3, 'W', 0, false, 3, 0],
    ]);
    expect(q.summary).toEqual({ met: 1, missed: 2 });
    expect(q.duplicates.map((d) => [d.org, d.title, d.adopted, d.sources.length])).toEqual([['A', '民情流水线', 'city', 2]]);
  });

  it('per quarter: months met, and typicals for committees only', () => {
    const orgs = [org('W', 'committee', null), org('A', 'branch', 'W')];
    const q = periodQuota('2011Q1', orgs, itemsOf(threeEach('A'), rules), [typical('W', '2011-01-05')], rules);
    const a = q.orgs.find((o) => o.org === 'A')!;
    const w = q.orgs.find((o) => o.org === 'W')!;
    expect(a).toMatchObject({ months_met: 3, typicals: null, typicals_met: null, points: 9 });
    expect(a.months).toEqual({ '2011-01': { count: 3, met: true }, '2011-02': { count: 3, met: true }, '2011-03': { count: 3, met: true } });
    expect(w).toMatchObject({ months_met: 0, typicals: 1, typicals_met: true });
  });
});
