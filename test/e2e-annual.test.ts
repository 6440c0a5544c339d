// cxzy annual on a generated year, checked against an independent computation
// from the quarterly grade, stars and quota outputs; and the year's edges: a
// quarter missing, a member who moved branch, an org made inactive in Q3, a
// year without reviews.
import { describe, expect, it } from 'vitest';
import unzipper from 'unzipper';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cxzy, files } from './helpers.js';
import { openDb } from '../src/store/db.js';
import { Query } from '../src/store/query.js';
import { defaultRules } from '../src/core/rules.js';
import { annualFromStore } from '../src/analyses/services.js';

const QUARTERS = ['2011Q1', '2011Q2', '2011Q3', '2011Q4'];
const MONTHS = Array.from({ length: 12 }, (_, i) => `2011-${String(i + 1).padStart(2, '0')}`);
/** Branches: strong ones (good every quarter, quota every month), a middling one, a weak one; three members each, the first a secretary. */
const BRANCHES: { code: string; self: number; unsat: number; reports: number; lead: number }[] = [
  { code: 'D1', self: 96, unsat: 0, reports: 3, lead: 19 },
  { code: 'D2', self: 95, unsat: 0, reports: 3, lead: 19 },
  { code: 'D3', self: 95, unsat: 0, reports: 2, lead: 18 },
  { code: 'D4', self: 70, unsat: 9, reports: 1, lead: 15 },
];

function county(opts: { quarters?: string[]; inactiveD2?: boolean } = {}): Record<string, string> {
  const quarters = opts.quarters ?? QUARTERS;
  const orgs = `orgs:\n  - {code: W, name: 城关镇党委, type: committee, category: agency}\n${BRANCHES.map((b) => `  - {code: ${b.code}, name: ${b.code}支部, type: branch, parent: W, category: rural${b.code === 'D2' && opts.inactiveD2 ? ', active: false' : ''}}`).join('\n')}\n`;
  const members = `members:\n${BRANCHES.flatMap((b) => [1, 2, 3].map((i) => `  - {id: ${b.code}M${i}, name: 党员${b.code}${i}, org: ${b.code}, role: ${i === 1 ? 'secretary' : i === 3 ? 'probationary' : 'member'}}`)).join('\n')}\n`;
  const out: Record<string, string> = { 'orgs.yaml': orgs, 'members.yaml': members };
  for (const q of quarters) {
    const reviews = BRANCHES.map(
      (b) =>
        `  - {org: ${b.code}, self: ${b.self}, masses: {satisfied: 40, basic: 1, unsatisfied: ${b.unsat}}, superior: ${b.self}, commentary: {date: "${q.slice(0, 4)}-${String(Number(q.slice(5)) * 3).padStart(2, '0')}-10", by: 书记, text: 好}}`,
    );
    const points = BRANCHES.flatMap((b) =>
      [1, 2, 3].map(
        (i) =>
          `  - {member: ${b.code}M${i}, study: ${b.lead}, excel: ${b.lead}, service: ${b.lead}, discipline: ${b.lead}, integrity: ${i === 2 ? 17 : b.lead}}`,
      ),
    );
    out[`${q}.yaml`] = `period: ${q}\nreviews:\n${reviews.join('\n')}\npoints:\n${points.join('\n')}\n`;
  }
  const reports = MONTHS.flatMap((m) =>
    BRANCHES.flatMap((b) => Array.from({ length: b.reports }, (_, i) => `  - {org: ${b.code}, date: "${m}-1${i}", title: ${b.code}信息${m}第${i}条}`)),
  );
  const committee = MONTHS.flatMap((m) => [0, 1, 2].map((i) => `  - {org: W, date: "${m}-2${i}", title: 镇信息${m}第${i}条}`));
  out['reports.yaml'] =
    `reports:\n${[...reports, ...committee].join('\n')}\ntypicals:\n${QUARTERS.map((q) => `  - {org: W, date: "2011-${String(Number(q.slice(5)) * 3).padStart(2, '0')}-05", title: 典型${q}}`).join('\n')}\n`;
  return out;
}

async function imported(spec: Record<string, string>) {
  const dir = files(spec);
  const r = await cxzy(['import', '.', '--db', 'c.db', '-q'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return dir;
}
const json = async (dir: string, args: string[]) => {
  const r = await cxzy([...args, '--db', 'c.db', '--format', 'json'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('cxzy annual', () => {
  it('agrees with a computation of its own from the quarterly grade, stars and quota outputs', async () => {
    const dir = await imported(county());
    const a = await json(dir, ['annual', '--year', '2011']);
    const grades: Record<string, Record<string, string>> = {};
    const benchmark: Record<string, number> = {};
    const reds: Record<string, number> = {};
    for (const q of QUARTERS) {
      for (const o of (await json(dir, ['grade', '--period', q])).orgs) (grades[o.org] ??= {})[q] = o.grade;
      const s = await json(dir, ['stars', '--period', q]);
      for (const b of s.benchmark_branches) benchmark[b] = (benchmark[b] ?? 0) + 1;
      for (const m of s.members) if (m.red_star) reds[m.member] = (reds[m.member] ?? 0) + 1;
    }
    const met: Record<string, number> = {};
    for (const m of MONTHS) for (const o of (await json(dir, ['quota', '--month', m])).orgs) if (o.met) met[o.org] = (met[o.org] ?? 0) + 1;
    const advanced = BRANCHES.map((b) => b.code).filter((c) => {
      const g = Object.values(grades[c]).filter((x) => x !== 'ungraded');
      return g.length >= 3 && g.every((x) => x === 'good') && (benchmark[c] ?? 0) >= 2 && (met[c] ?? 0) >= 10;
    });
    const excellent = BRANCHES.flatMap((b) => [1, 2].map((i) => `${b.code}M${i}`)).filter(
      (m) => (reds[m] ?? 0) >= 3 && !Object.values(grades[m.slice(0, 2)]).some((g) => g === 'average' || g === 'poor'),
    );
    // Quotas: a tenth, at least one: 1 of 4 branches, 1 of 8 eligible members, 1 of 4 secretaries; ranked, the rest reserves.
    expect([...a.candidates.advanced_org, ...a.reserves.advanced_org].sort()).toEqual(advanced.sort());
    expect(a.candidates.advanced_org).toEqual(['D1']); // the higher mean composite
    expect([...a.candidates.excellent_member, ...a.reserves.excellent_member].sort()).toEqual(excellent.sort());
    expect(a.candidates.excellent_member).toHaveLength(1);
    expect([...a.candidates.excellent_worker, ...a.reserves.excellent_worker].sort()).toEqual(['D1M1', 'D2M1']);
    const d1 = a.orgs.find((o: { org: string }) => o.org === 'D1');
    expect(d1).toMatchObject({ graded_quarters: 4, good_quarters: 4, months_met: 12, benchmark_quarters: 4, movement: 'new' });
    expect(a.distribution.this_year.good).toBe(Object.values(grades).filter((g) => g['2011Q4'] === 'good').length);
    expect(a.distribution.previous_year.ungraded).toBe(a.orgs.length);
    // The grades against the year before: a chart in HTML, its figures in the table.
    const html = await cxzy(['annual', '--db', 'c.db', '--format', 'html'], { cwd: dir });
    expect(html.stdout).toContain('<title>2011年度评议与表彰</title>');
    expect(html.stdout).toMatch(/<svg[\s\S]*定级结果与上年对比/);
    // show gives an org's and a member's year as the review does.
    const shown = await json(dir, ['show', 'D1']);
    expect(shown.year).toMatchObject({ graded_quarters: 4, good_quarters: 4, months_met: 12, benchmark_quarters: 4, movement: 'new' });
    expect(shown.year.criteria.every((c: { pass: boolean }) => c.pass)).toBe(true);
    const member = a.members.find((m: { member: string }) => m.member === 'D1M1');
    expect((await json(dir, ['show', 'D1M1'])).year).toMatchObject({
      red_star_quarters: member.red_star_quarters,
      stars_total: member.stars_total,
      points_total: member.points_total,
    });
  });

  it('the compact view, which reads only the members who can qualify, proposes and counts as the full review does', async () => {
    const dir = await imported(county());
    const db = openDb(join(dir, 'c.db'), 'read');
    try {
      const base = defaultRules();
      for (const reds of [0, 1, 3, 4])
        for (const within of [null, new Set(['W', 'D1', 'D4'])]) {
          const rules = { ...base, annual: { ...base.annual, red_star_quarters: reds } };
          const full = annualFromStore(new Query(db), rules, '2011', within);
          const few = annualFromStore(new Query(db), rules, '2011', within, true);
          const { members, ...rest } = few;
          expect(rest, `red_star_quarters ${reds}`).toEqual({ ...full, members: undefined });
          // Every member named is there, with the year the full review gives it.
          const byId = new Map(full.members.map((m) => [m.member, m]));
          for (const m of members) expect(m).toEqual(byId.get(m.member));
          for (const id of [...Object.values(few.candidates), ...Object.values(few.reserves)].flat().filter((x) => x.includes('M')))
            expect(members.some((m) => m.member === id)).toBe(true);
          if (reds > 0) expect(members.length).toBeLessThan(full.members.length);
        }
    } finally {
      db.close();
    }
  });

  it('--explain gives every criterion of every org and member with pass or fail; the table names the candidates', async () => {
    const dir = await imported(county());
    const r = await cxzy(['annual', '--db', 'c.db', '--explain'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2011年度评议与表彰');
    expect(r.stdout).toMatch(/D4 D4支部（先进基层党组织）：不符合/);
    expect(r.stdout).toMatch(/不符合　定级为“好”的季度0个/);
    expect(r.stdout).toMatch(/D1M3 党员D13（优秀共产党员）：不符合[\s\S]*不符合　身份：预备党员/);
    const j = await json(dir, ['annual', '--explain']);
    expect(j.orgs[0].criteria.map((c: { pass: boolean }) => c.pass)).toBeDefined();
  });

  it('a year with a quarter missing, an org made inactive, and a year without reviews', async () => {
    const three = await imported(county({ quarters: ['2011Q1', '2011Q2', '2011Q4'] }));
    const a = await json(three, ['annual']);
    expect(a.orgs.find((o: { org: string }) => o.org === 'D1').quarters).toEqual({
      '2011Q1': 'good',
      '2011Q2': 'good',
      '2011Q3': 'ungraded',
      '2011Q4': 'good',
    });
    expect(a.candidates.advanced_org).toEqual(['D1']); // three graded quarters, all good, still qualify

    const inactive = await imported(county({ inactiveD2: true }));
    const b = await json(inactive, ['annual']);
    expect(b.orgs.map((o: { org: string }) => o.org)).not.toContain('D2');
    expect(b.members.map((m: { member: string }) => m.member)).not.toContain('D2M1');

    const none = await cxzy(['annual', '--db', 'c.db', '--year', '2010'], { cwd: three });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('没有这一年的测评，无法进行年度评议；有测评的年份：2011');
    expect((await cxzy(['annual', '--db', 'c.db', '--year', '11'], { cwd: three })).code).toBe(2);
  });

  it('--out X.docx and .md write the public notice: the lists with a record each, the period in working days, where to object', async () => {
    const dir = await imported({ ...county(), 'cxzy.rules.yaml': 'office:\n  name: 中共示范县委创先争优活动领导小组办公室\n  number_prefix: 县创争办\n' });
    // 2011-12-23 is a Friday: five working days end on Thursday the 29th.
    const r = await cxzy(['annual', '--db', 'c.db', '--date', '2011-12-23', '--number', '9', '--out', '公示.docx'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('公示期 2011-12-23 至 2011-12-29');
    const zip = await unzipper.Open.file(join(dir, '公示.docx'));
    const xml = (await zip.files.find((f) => f.path === 'word/document.xml')!.buffer()).toString('utf8').replace(/<[^>]+>/g, '');
    for (const s of [
      '中共示范县委创先争优活动领导小组办公室',
      '县创争办〔2011〕9号',
      '关于2011年度拟表彰先进基层党组织、优秀共产党员和优秀党务工作者的公示',
      '公示时间：2011年12月23日至2011年12月29日（5个工作日）',
      '拟表彰先进基层党组织名单',
      'D1支部',
      '四个季度均定级为“好”，4个季度为标杆支部，12个月完成信息报送任务',
    ])
      expect(xml).toContain(s);
    expect((await cxzy(['annual', '--db', 'c.db', '--date', '2011-12-23', '--out', '公示.md'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, '公示.md'), 'utf8')).toContain('关于2011年度拟表彰');
  });

  it('a member who moved branch during the year is reviewed with the branch they are in at its end', async () => {
    const spec = county();
    // D4M2 moved to D1 at Q3: their points stay theirs; their branch is D1 now.
    spec['members.yaml'] = spec['members.yaml'].replace('{id: D4M2, name: 党员D42, org: D4,', '{id: D4M2, name: 党员D42, org: D1,');
    const a = await json(await imported(spec), ['annual']);
    const m = a.members.find((x: { member: string }) => x.member === 'D4M2');
    expect(m.org).toBe('D1');
    expect(m.stars_total).toBeGreaterThanOrEqual(0);
  });
});
