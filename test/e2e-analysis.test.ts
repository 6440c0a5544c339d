// grade, stars, quota and rules through the built CLI, on the bundled examples.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { parse as parseCsv } from 'csv-parse/sync';
import { EXAMPLES, cxzy, tmp } from './helpers.js';

let dir: string;
const run = async (args: string[]) => await cxzy([...args, '--db', join(dir, 'cxzy.db')], { cwd: dir });
const json = async (args: string[]) => {
  const r = await run([...args, '--format', 'json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

beforeAll(async () => {
  dir = tmp();
  expect((await cxzy(['import', EXAMPLES, '-q'], { cwd: dir })).code).toBe(0);
});

describe('grade', () => {
  it('defaults to the latest quarter; JSON keys as SPEC §3', async () => {
    const g = await json(['grade']);
    expect(g.period).toBe('2011Q2');
    expect(g.summary).toEqual({ good: 14, fair: 7, average: 2, poor: 0, ungraded: 1 });
    const d0203 = g.orgs.find((o: { org: string }) => o.org === 'D0203');
    expect(d0203).toMatchObject({ computed: 'fair', grade: 'good', override: true, movement: 'same', previous: 'good' });
    for (const k of ['org', 'name', 'composite', 'computed', 'grade', 'override', 'satisfaction', 'caps', 'flags', 'movement', 'previous'])
      expect(d0203).toHaveProperty(k);
    const d0404 = g.orgs.find((o: { org: string }) => o.org === 'D0404');
    expect(d0404).toMatchObject({ composite: 90, computed: 'average', grade: 'average', caps: ['satisfaction'], satisfaction: 0.88, movement: 'down' });
    const d0301 = g.orgs.find((o: { org: string }) => o.org === 'D0301');
    expect(d0301).toMatchObject({ grade: 'ungraded', composite: null, movement: null });
    expect(g.orgs.some((o: { org: string }) => o.org === 'D0204')).toBe(false); // inactive
  });

  it('Q1: the 89.95 edge, the overdue pledge cap, new orgs', async () => {
    const g = await json(['grade', '--period', '2011q1']);
    const by = (c: string) => g.orgs.find((o: { org: string }) => o.org === c);
    expect(by('D0405')).toMatchObject({ composite: 90, grade: 'good', movement: 'new' });
    expect(by('D0102').caps).toEqual(['overdue_pledge']);
    expect(by('D0304')).toMatchObject({ grade: 'ungraded' });
  });

  it('--explain traces every input to its file and line', async () => {
    const r = await run(['grade', '--period', '2011Q1', '--org', 'D0405', '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('综合 = 0.2×85 + 0.3×96.5 + 0.5×88 = 89.95 → 90.0');
    expect(r.stdout).toMatch(/examples\/2011Q1\/reviews\.yaml:\d+\)/);
    const e = (await json(['grade', '--period', '2011Q1', '--org', 'D0405', '--explain'])).orgs[0].explain;
    expect(e[0].file).toMatch(/2011Q1\/reviews\.yaml$/);
    expect(e[0].line).toBeGreaterThan(1);
  });

  it('--org limits to a subtree; csv and md', async () => {
    const csv = await run(['grade', '--org', 'W03', '--format', 'csv']);
    const rows = parseCsv(csv.stdout.replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.编号)).toEqual(['D0301', 'D0302', 'D0303', 'D0304', 'W03']);
    expect(rows[0].等次).toBe('未评定');
    const md = await run(['grade', '--org', 'W03', '--format', 'md', '--lang', 'en']);
    expect(md.stdout).toContain('| code | name | score | satisf. | computed | grade | movement | action | notes |');
    expect(md.stdout).toContain('| D0302 | 王家庄村党支部 | 87.5 | 97.9% | fair | fair | up | push |  |');
  });

  it('no data for the period exits 1 naming the periods with data; bad syntax exits 2; unknown org exits 1', async () => {
    const none = await run(['grade', '--period', '2012Q1']);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('cxzy: 2012Q1 没有测评数据；有数据的季度：2011Q1, 2011Q2\n');
    expect((await run(['grade', '--period', '2011-Q1'])).code).toBe(2);
    expect((await run(['grade', '--org', 'NOPE'])).code).toBe(1);
    expect((await run(['grade', '--format', 'xml'])).code).toBe(2);
    const missing = await cxzy(['grade', '--db', join(tmp(), 'none.db')]);
    expect(missing.code).toBe(3);
  });
});

describe('stars', () => {
  it('members, red stars, benchmark branches and flag committees (JSON keys as SPEC §3)', async () => {
    const s = await json(['stars']);
    expect(s.period).toBe('2011Q2');
    expect(s.benchmark_branches).toContain('D0101');
    expect(s.flag_committees).toEqual(['W02']);
    const m = s.members[0];
    expect(Object.keys(m)).toEqual(expect.arrayContaining(['member', 'org', 'stars', 'red_star', 'scores']));
    expect(Object.keys(m.scores)).toEqual(['study', 'excel', 'service', 'discipline', 'integrity']);
    for (const x of s.members) expect(x.red_star).toBe(x.stars === 5 && (x.satisfaction === null || x.satisfaction >= 0.9));
    // Each branch's red-star share is of its active members, counted from the YAML itself.
    const yamlMembers = (parseYaml(readFileSync(join(EXAMPLES, 'members.yaml'), 'utf8')) as { members: { id: string; org: string; active?: boolean }[] })
      .members;
    const reds = new Map<string, number>();
    for (const x of s.members) if (x.red_star) reds.set(x.org, (reds.get(x.org) ?? 0) + 1);
    expect(yamlMembers.some((y) => y.org === 'D0302' && y.active === false)).toBe(true); // one left out of the count
    for (const code of ['D0101', 'D0302']) {
      const active = yamlMembers.filter((y) => y.org === code && y.active !== false).length;
      const why = s.benchmark_candidates.find((b: { code: string }) => b.code === code).why.map((y: { message: string }) => y.message);
      expect(why.join('\n')).toContain(`红星党员 ${reds.get(code) ?? 0}/${active} =`);
    }
    const w03 = s.flag_candidates.find((f: { code: string }) => f.code === 'W03');
    expect(w03.why.map((y: { message: string }) => y.message)).toContain('本季度培树典型 0 个，少于 1 个');
  });
});

describe('quota', () => {
  it('a month: counts, shortfall, points and ranking (JSON keys as SPEC §3)', async () => {
    const q = await json(['quota', '--month', '2011-05']);
    expect(q.month).toBe('2011-05');
    const d0404 = q.orgs.find((o: { org: string }) => o.org === 'D0404');
    expect(d0404).toMatchObject({ count: 0, quota: 3, met: false, shortfall: 3, points: 0 });
    expect(q.summary.met + q.summary.missed).toBe(25);
    const pts = q.orgs.map((o: { points: number }) => o.points);
    expect(pts).toEqual([...pts].sort((a, b) => b - a));
  });

  it('a quarter: months met and committees’ typicals; duplicates named', async () => {
    const q = await json(['quota', '--period', '2011Q2']);
    const w03 = q.orgs.find((o: { org: string }) => o.org === 'W03');
    expect(w03).toMatchObject({ typicals: 0, typicals_met: false });
    const d0302 = q.orgs.find((o: { org: string }) => o.org === 'D0302');
    expect(d0302).toMatchObject({ months_met: 0, typicals: null, typicals_met: null });
    expect(q.duplicates.length).toBe(2);
    expect((await run(['quota', '--month', '2011-13'])).code).toBe(2);
    expect((await run(['quota', '--month', '2011-3-1'])).code).toBe(2);
    expect((await run(['quota', '--month', '2011-03', '--period', '2011Q1'])).code).toBe(2);
    // A month as people type it: 2011-6 is 2011-06.
    expect((await json(['quota', '--month', '2011-6'])).month).toBe('2011-06');
  });
});

describe('rules files', () => {
  it('a four-level rules file: 差 below 60', async () => {
    writeFileSync(
      join(dir, 'four.yaml'),
      'grading:\n  levels:\n    - {grade: good, min: 90}\n    - {grade: fair, min: 80}\n    - {grade: average, min: 75}\n    - {grade: poor}\n',
    );
    const g = await json(['grade', '--rules', 'four.yaml']);
    expect(g.summary.poor).toBe(1);
    const rules = await run(['rules', '--rules', 'four.yaml']);
    expect(rules.stdout).toContain('grade: poor');
  });

  it('an invalid rules file: line, column, exit 1', async () => {
    writeFileSync(join(dir, 'bad.yaml'), 'grading:\n  weights:\n    self: 0.5\nstars:\n  max_point: 20\n');
    const r = await run(['grade', '--rules', 'bad.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.yaml:5:3  错误  stars.max_point: 未知字段 max_point，是否应为 max_points？');
    writeFileSync(join(dir, 'sum.yaml'), 'grading:\n  weights:\n    self: 0.5\n');
    const s = await run(['rules', '--rules', 'sum.yaml']);
    expect(s.code).toBe(1);
    expect(s.stderr).toContain('sum.yaml:2:3');
    expect(s.stderr).toContain('三项权重之和必须为 1，实际为 1.3');
  });
});

describe('demo', () => {
  it('imports the examples and prints the latest quarter', async () => {
    const r = await cxzy(['demo']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2011Q2 分类定级');
    expect(r.stdout).toContain('2011Q2 积分评星');
    expect(r.stdout).toContain('2011-06 信息报送');
    // The examples' slips kept on purpose are one line, not a page of warnings before the first figure.
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('示例数据里有意留了 11 处疏漏，演示 cxzy 的检查（承诺内容空泛 6 处、同月同题信息 4 处、党员本季度没有积分记录 1 处）');
    expect(r.stdout).not.toContain('警告');
  });
});
