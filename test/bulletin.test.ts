// The bulletin's pure sections on hand-made records: month edges, the graded
// quarter, pledge coverage and committees' subtrees.
import { describe, expect, it } from 'vitest';
import { defaultRules } from '../src/core/rules.js';
import { buildBulletin, gradedPeriodFor, type BulletinInput } from '../src/analyses/bulletin/bulletin.js';
import { pledgesSection } from '../src/analyses/bulletin/pledges.js';
import { itemsOf } from '../src/analyses/quota.js';
import { gradePeriod } from '../src/analyses/grade.js';
import { activeCounts, member, org, owned, pledge, report, review, typical, votes } from './fixtures.js';
import type { Member, Pledge } from '../src/core/model.js';
import type { MemberStars } from '../src/analyses/stars.js';
import { bulletinDoc } from '../src/render/views/bulletin.js';
import { renderAs } from '../src/render/formats/index.js';

const rules = defaultRules();

describe('gradedPeriodFor', () => {
  it('takes the latest quarter with reviews that has ended by the month end', () => {
    expect(gradedPeriodFor('2011-06', ['2011Q1', '2011Q2'])).toBe('2011Q2');
    expect(gradedPeriodFor('2011-05', ['2011Q1', '2011Q2'])).toBe('2011Q1');
    expect(gradedPeriodFor('2011-02', ['2011Q1', '2011Q2'])).toBeNull();
    expect(gradedPeriodFor('2012-01', ['2010Q4', '2011Q2', '2011Q1'])).toBe('2011Q2');
  });
});

describe('pledges section', () => {
  const orgs = [org('W', 'committee', null), org('D1'), org('D2'), org('D9', 'branch', 'W', { active: false })];
  const members = [member('M1', 'D1'), member('M2', 'D1'), member('M3', 'D1', false), member('M9', 'D9')];
  const section = (list: Pledge[]) => pledgesSection('2011-05-01', '2011-05-31', orgs, activeCounts(members), owned(members, list), rules);
  const p = (owner: string, over: Partial<Pledge>): Pledge => ({
    ...pledge(owner, '2011-12-31', 'in_progress'),
    id: `P-${owner}-${over.made ?? ''}${over.due ?? ''}`,
    ...over,
  });

  it('counts made and fulfilled within the month, inclusive of both ends', () => {
    const s = section([
      p('D1', { made: '2011-05-01' }),
      p('D2', { made: '2011-05-31' }),
      p('M1', { made: '2011-04-30' }),
      p('M2', { made: '2011-06-01' }), // after the month: not yet made
      p('D2', { made: '2011-01-10', due: '2011-05-20', status: 'fulfilled', fulfilled: '2011-05-31' }),
      p('D1', { made: '2011-01-11', due: '2011-05-20', status: 'fulfilled', fulfilled: '2011-06-01' }),
    ]);
    expect(s.made.map((x) => x.made)).toEqual(['2011-05-01', '2011-05-31']);
    expect(s.fulfilled.map((x) => x.fulfilled)).toEqual(['2011-05-31']);
    // fulfilled after the month end: overdue at the month end
    expect(s.overdue.map((x) => x.fulfilled)).toEqual(['2011-06-01']);
    // 在诺: made by the month's end, not abandoned, not fulfilled by then (the one fulfilled on 05-31 is kept, not in force)
    expect(s.in_force).toBe(4);
  });

  it('leaves out abandoned pledges and inactive owners; coverage counts active orgs and members', () => {
    const s = section([
      p('D1', { made: '2011-02-01', due: '2011-03-31', status: 'abandoned' }),
      p('M1', { made: '2011-02-01', due: '2011-03-31', status: 'pending' }),
      p('M3', { made: '2011-02-01', due: '2011-03-31' }), // inactive member
      p('D9', { made: '2011-02-01', due: '2011-03-31' }), // inactive org
      p('M9', { made: '2011-02-01', due: '2011-03-31' }), // member of an inactive org
    ]);
    expect(s.overdue.map((x) => x.owner)).toEqual(['M1']);
    expect(s.coverage.orgs.total).toBe(3);
    expect(s.coverage.orgs.without.map((o) => o.code)).toEqual(['W', 'D1', 'D2']); // D1's only pledge is abandoned
    expect([s.coverage.orgs.with, s.coverage.orgs.rate]).toEqual([0, 0]);
    expect(s.coverage.members).toEqual({ total: 2, without: 1, by_org: [{ code: 'D1', name: 'D1名', members: 2, without: 1 }], with: 1, rate: 0.5 });
  });

  it("counts a member with several pledges once, per org, against the org's active members", () => {
    const all = [...members, member('M4', 'D2'), member('M5', 'D2'), member('M6', 'D2')];
    const s = pledgesSection(
      '2011-05-01',
      '2011-05-31',
      orgs,
      activeCounts(all),
      owned(all, [
        p('M4', { made: '2011-02-01' }),
        p('M4', { made: '2011-03-01' }),
        p('M5', { made: '2011-03-01', status: 'abandoned' }), // abandoned: M5 is without
        p('M1', { made: '2011-06-01' }), // not yet made at the month end
      ]),
      rules,
    );
    expect(s.coverage.members).toEqual({
      total: 5,
      without: 4,
      by_org: [
        { code: 'D1', name: 'D1名', members: 2, without: 2 },
        { code: 'D2', name: 'D2名', members: 3, without: 2 },
      ],
      with: 1,
      rate: 0.2,
    });
  });

  it('flags vague pledges with their reasons and pools evaluation votes', () => {
    const s = section([
      p('M1', { made: '2011-02-01', content: '积极为群众办实事好事', evaluation: votes(8, 1, 1) }),
      p('M2', { made: '2011-02-01', content: '年内走访困难户12户，每户帮办1件实事', evaluation: votes(10, 0, 0) }),
    ]);
    expect(s.vague.map((v) => [v.owner, v.reasons.map((r) => r.id)])).toEqual([['M1', ['vague_short', 'vague_no_number']]]);
    expect(s.evaluated.map((e) => [e.owner, e.satisfaction])).toEqual([
      ['M1', 0.9],
      ['M2', 1],
    ]);
    expect(s.satisfaction).toBe(19 / 20);
  });
});

describe('buildBulletin', () => {
  const orgs = [
    org('W', 'committee', null),
    org('T1', 'committee', 'W'),
    org('S1', 'committee', 'T1'),
    org('A', 'branch', 'S1'),
    org('B', 'branch', 'T1'),
    org('T2', 'committee', 'W'),
    org('C', 'branch', 'T2'),
    org('X', 'branch', 'T2', { active: false }),
  ];
  const three = (o: string, month: string) => [1, 2, 3].map((d) => report(o, `${month}-0${d}`, `${o}信息${d}`));
  const input = (over: Partial<BulletinInput> = {}): BulletinInput => ({
    month: '2011-05',
    period: '2011Q2',
    orgs,
    pledges: pledgesSection('2011-05-01', '2011-05-31', orgs, activeCounts([member('M1', 'A'), member('M2', 'X')]), [], rules),
    items: itemsOf(
      [
        ...three('A', '2011-05'),
        ...three('B', '2011-05'),
        ...three('T1', '2011-05'),
        ...three('C', '2011-04'),
        report('C', '2011-05-09', '县里采用', 'county'),
        report('S1', '2011-06-01', '下月', 'city'),
      ],
      rules,
    ),
    typicals: [typical('T1', '2011-04-10'), typical('T2', '2011-06-10')],
    grading: null,
    stars: null,
    rated: 0,
    pointsRecords: 0,
    rules,
    ...over,
  });

  it('counts each active org once, under the committee in whose charge it is, at any depth', () => {
    const b = buildBulletin(input());
    expect(b.reports.committees).toEqual([
      { org: 'W', name: 'W名', met: 0, missed: 1 }, // the top, with no branch of its own
      { org: 'T1', name: 'T1名', met: 2, missed: 0 }, // T1 and B met (S1 has a bar of its own)
      { org: 'S1', name: 'S1名', met: 1, missed: 1 }, // A met, S1 missed
      { org: 'T2', name: 'T2名', met: 0, missed: 2 }, // T2 and C missed; X inactive
    ]);
    expect(b.overview.orgs).toEqual({ committees: 4, branches: 3 });
    expect(b.overview.members).toBe(1);
    expect(b.overview.no_reports.map((o) => o.code)).toEqual(['S1', 'T2', 'W']);
  });

  it('keeps the quarter to date and typicals up to the month', () => {
    const b = buildBulletin(input());
    const c = b.reports.quarter.orgs.find((o) => o.org === 'C')!;
    expect(c.months).toEqual({ '2011-04': { count: 3, met: true }, '2011-05': { count: 1, met: false } });
    expect(b.reports.typicals.map((t) => [t.org, t.count, t.met])).toEqual([
      ['S1', 0, false],
      ['T1', 1, true],
      ['T2', 0, false],
      ['W', 0, false],
    ]);
    expect(b.overview.data).toMatchObject({ reports: 10, typicals: 1 });
    expect(b.reports.adopted.map((i) => [i.org, i.title, i.points])).toEqual([['C', '县里采用', 5]]);
  });

  it("states the notice's figures: the share that met, who missed (by code), the top three, adopted points, typicals met", () => {
    const f = buildBulletin(input()).reports.figures;
    expect(f.met_rate).toBeCloseTo(3 / 7); // A, B and T1 of the seven active orgs
    expect(f.missed.map((o) => [o.org, o.shortfall])).toEqual([
      ['C', 2],
      ['S1', 3],
      ['T2', 3],
      ['W', 3],
    ]);
    expect(f.top.map((o) => o.org)).toEqual(['C', 'A', 'B']);
    expect(f.adopted_points).toBe(5);
    expect(f.typicals_met).toBe(1);
    expect(buildBulletin(input({ orgs: [] })).reports.figures.met_rate).toBeNull();
  });

  it('summarises grading: movement, overrides, remedial, late commentary', () => {
    const grading = gradePeriod({
      period: '2011Q1',
      orgs,
      pledges: [],
      rules,
      reviews: [
        review('A', '2011Q1', 95, votes(50), 95),
        review('B', '2011Q1', 80, votes(10, 0, 5), 80, { commentary: null }),
        review('C', '2011Q1', 70, votes(50), 70, { grade: 'good', reason: '抢险' }),
      ],
      previousReviews: [review('A', '2010Q4', 70, votes(50), 70), review('B', '2010Q4', 80, votes(10, 0, 5), 80)],
      commentaries: [review('A', '2011Q1', 95, votes(50), 95), review('C', '2011Q1', 70, votes(50), 70)],
    });
    const b = buildBulletin(input({ grading }));
    const g = b.grading!;
    expect(g.summary).toEqual({ good: 2, fair: 0, average: 1, poor: 0, ungraded: 0 });
    expect(g.movement).toEqual({ up: 1, down: 0, same: 1, new: 1 });
    expect(g.moved.map((o) => o.org)).toEqual(['A']);
    expect(g.overrides.map((o) => o.org)).toEqual(['C']);
    expect(g.remedial.map((o) => o.org)).toEqual(['B']);
    expect(g.commentary_overdue.map((o) => o.org)).toEqual(['B']);
    expect(b.overview.data.reviews).toBe(3);
  });

  it('keeps no more rows of a long list than a view shows, counts them all, and Markdown says how many there are', async () => {
    const people = ['M1', 'M2', 'M3', 'M4', 'M5'].map((m, i) => member(m, i < 3 ? 'A' : 'B'));
    const overdue = (m: Member, i: number): Pledge => ({
      ...pledge(m.id, '2011-04-30', 'in_progress'),
      id: `P${i}`,
      made: i % 2 ? '2011-05-03' : '2011-01-10',
      content: i % 2 ? '积极为群众办实事' : '年内走访困难户12户',
      evaluation: votes(10 - i, i, 0),
    });
    const red = (m: string, i: number): MemberStars => ({
      member: m,
      name: `${m}名`,
      org: i < 3 ? 'A' : i < 4 ? 'B' : 'C',
      scores: { study: 5, excel: 5, service: 5, discipline: 5, integrity: 5 },
      stars: 5,
      satisfaction: 1,
      red_star: true,
      src: people[0].src,
    });
    const pledges = (shown?: number) =>
      pledgesSection('2011-05-01', '2011-05-31', orgs, activeCounts(people), owned(people, people.map(overdue)), rules, shown);
    const stars = { period: '2011Q1', members: people.map((m, i) => red(m.id, i)), benchmark: [], flag: [], pending: false };
    const full = buildBulletin(input({ pledges: pledges(), stars }));
    const cut = buildBulletin(input({ pledges: pledges(2), stars, shown: 2 }));
    for (const k of ['made', 'fulfilled', 'overdue', 'vague', 'evaluated'] as const) {
      expect(full.pledges.counts[k]).toBe(full.pledges[k].length);
      expect(cut.pledges[k]).toEqual(full.pledges[k].slice(0, 2));
    }
    expect(cut.pledges.counts).toEqual({ made: 2, fulfilled: 0, overdue: 5, vague: 5, evaluated: 5 });
    expect({ ...cut.pledges, counts: 0, made: 0, overdue: 0, vague: 0, evaluated: 0 }).toEqual({
      ...full.pledges,
      counts: 0,
      made: 0,
      overdue: 0,
      vague: 0,
      evaluated: 0,
    });
    expect(cut.stars!.red_stars).toEqual(full.stars!.red_stars.slice(0, 2));
    expect(cut.stars!.red_by_branch).toEqual(full.stars!.red_by_branch.slice(0, 2));
    expect(cut.stars!.counts).toEqual({ red: 5, branches: 3 });
    expect(full.stars!.counts).toEqual({ red: full.stars!.red_stars.length, branches: full.stars!.red_by_branch.length });

    const md = async (b: typeof full) => {
      const opts = { version: '0', belowPct: '90%', office: {}, scope: null, issued: '2011-06-01', number: null };
      return String(await renderAs('md', bulletinDoc(b, 'zh', opts)));
    };
    const [whole, shown] = [await md(full), await md(cut)];
    // The sentences state every figure the same; the tables say how many rows there are in all.
    const body = (text: string) => text.slice(0, text.indexOf('\n---\n'));
    expect(body(shown)).toBe(body(whole));
    expect(body(shown)).toContain('截至月末逾期未兑现5项');
    expect(shown).toContain('（仅列出前2行，共5行');
    expect(shown).toContain('（仅列出前2行，共3行');
    expect(whole).not.toContain('仅列出');
  });
});
