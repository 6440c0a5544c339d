// The 问题台账 section end to end, as a section added by its one column list,
// schema, migration and rule entries: it imports from YAML and from a
// workbook (with its 回头看 sheet) to the same rows, exports to files that
// import back, is replaced per org and found quarter, is undone to the row,
// is shown with each problem's state, and bad input is named where it is
// with nothing written.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, cxzy, dump, files } from './helpers.js';
import { workbook } from './workbook-fixtures.js';

const PLEDGES = `pledges:
  - id: P-D01
    owner: D01
    kind: annual
    standard: feedback
    content: 年内为辖区23户困难群众办理低保，每季度走访一次
    made: "2011-01-10"
    due: "2011-12-31"
    status: in_progress
`;

const problem = (id: string, org: string, found: string, extra = '') =>
  `  - id: ${id}\n    org: ${org}\n    found: "${found}"\n    source: masses\n    content: 村务公开栏三个月未更新\n    measures: 每月5日前更新\n    owner: 张三\n    due: "2011-05-31"\n${extra}`;

const CLOSED = `    status: closed\n    resolved: "2011-05-20"\n    closed: "2011-06-05"\n    pledge: P-D01\n    evaluation: {satisfied: 30, basic: 5, unsatisfied: 1}\n    rechecks:\n      - {date: "2011-09-10", result: 巩固, note: 公开栏按月更新}\n`;

const LEDGER = `problems:\n${problem('ZG-1', 'D01', '2011-04-10', CLOSED)}${problem('ZG-2', 'D01', '2011-05-02', '    status: 整改中\n')}${problem('ZG-3', 'D02', '2011-04-20', '    status: open\n')}`;

const county = (ledger = LEDGER) => files({ ...BASE, 'pledges.yaml': PLEDGES, 'ledger.yaml': ledger });

/** The stored problems without their sources and generation. */
function problems(db: string) {
  return (dump(db).problems as Record<string, unknown>[]).map(({ src_file, src_line, src_sheet, gen, ...rest }) => rest);
}

async function json(dir: string, args: string[]) {
  const r = await cxzy([...args, '--format', 'json'], { cwd: dir });
  return { ...r, json: r.stdout ? JSON.parse(r.stdout) : null };
}

describe('问题台账, a section like the others', () => {
  it('imports from YAML with its rechecks, counted like any section, and shows each problem as it stands', async () => {
    const dir = county();
    const r = await json(dir, ['import', '.', '--db', 'c.db']);
    expect(r.code).toBe(0);
    expect(r.json.sections.problems).toEqual({ inserted: 3, updated: 0, unchanged: 0, removed: 0 });
    const stored = problems(join(dir, 'c.db'));
    expect(stored[0]).toMatchObject({ id: 'ZG-1', period: '2011Q2', source: 'masses', status: 'closed', eval_basic: 5 });
    expect(JSON.parse(stored[0].rechecks as string)).toEqual([{ date: '2011-09-10', result: 'holds', note: '公开栏按月更新' }]);
    expect(stored[1]).toMatchObject({ id: 'ZG-2', status: 'in_progress', resolved: null, rechecks: '[]' });

    const show = await json(dir, ['show', 'D01', '--db', 'c.db', '--period', '2011Q2']);
    expect(show.json.ledger_date).toBe('2011-06-30');
    expect(show.json.problems.map((p: Record<string, unknown>) => [p.id, p.done, p.closed_at_date, p.overdue, p.days_overdue, p.supervised])).toEqual([
      ['ZG-1', true, true, false, 0, false], // its recheck of 09-10 is after the date: not counted yet
      ['ZG-2', false, false, true, 30, false], // 30 days overdue: supervised only past 30
    ]);
    const text = await cxzy(['show', 'D01', '--db', 'c.db', '--period', '2011Q2'], { cwd: dir });
    expect(text.stdout).toContain('问题台账（截至 2011-06-30）');
    expect(text.stdout).toContain('逾期 30 天');
  });

  it('imports from a workbook with its 回头看 sheet to the same rows as YAML, and exports to YAML and XLSX that import back', async () => {
    const dir = county();
    mkdirSync(join(dir, 'book'));
    await workbook(join(dir, 'book', '台账.xlsx'), [
      {
        name: '问题台账',
        rows: [
          [
            '编号',
            '组织编号',
            '组织名称',
            '发现日期',
            '问题来源',
            '关联承诺',
            '问题描述',
            '整改措施',
            '责任人',
            '整改时限',
            '整改状态',
            '整改完成日期',
            '销号日期',
            '满意',
            '基本满意',
            '不满意',
          ],
          [
            'ZG-1',
            'D01',
            '红湾社区党支部',
            new Date('2011-04-10T00:00:00Z'),
            '群众评议',
            'P-D01',
            '村务公开栏三个月未更新',
            '每月5日前更新',
            '张三',
            '2011-05-31',
            '已销号',
            '2011-05-20',
            '2011-06-05',
            30,
            5,
            1,
          ],
          ['ZG-2', 'D01', '红湾社区党支部', '2011-05-02', '群众评议', null, '村务公开栏三个月未更新', '每月5日前更新', '张三', '2011-05-31', '整改中'],
          ['ZG-3', 'D02', '东关社区党支部', '2011-04-20', 'masses', null, '村务公开栏三个月未更新', '每月5日前更新', '张三', '2011-05-31', '待整改'],
        ],
      },
      {
        name: '回头看',
        rows: [
          ['问题编号', '日期', '结果', '说明'],
          ['ZG-1', '2011-09-10', '巩固', '公开栏按月更新'],
        ],
      },
    ]);
    expect((await cxzy(['import', 'orgs.yaml', 'members.yaml', 'pledges.yaml', 'ledger.yaml', '--db', 'yaml.db', '-q'], { cwd: dir })).code).toBe(0);
    const r = await json(dir, ['import', 'orgs.yaml', 'members.yaml', 'pledges.yaml', 'book', '--db', 'xlsx.db']);
    expect(r.code).toBe(0);
    expect(r.json.warnings).toEqual([]);
    expect(problems(join(dir, 'xlsx.db'))).toEqual(problems(join(dir, 'yaml.db')));

    for (const out of ['all.yaml', 'all.xlsx']) {
      expect((await cxzy(['export', '--db', 'yaml.db', '--out', out], { cwd: dir })).code).toBe(0);
      const back = `${out}.db`;
      expect((await cxzy(['import', out, '--db', back, '-q'], { cwd: dir })).code).toBe(0);
      expect(problems(join(dir, back)), out).toEqual(problems(join(dir, 'yaml.db')));
    }
  });

  it('--replace removes the problems an org no longer lists for a found quarter, and nobody else’s; undo puts them back', async () => {
    const dir = county();
    expect((await cxzy(['import', '.', '--db', 'c.db', '-q'], { cwd: dir })).code).toBe(0);
    // Every table but the counter of import numbers, which undo never turns back.
    const state = () => {
      const { meta, ...rest } = dump(join(dir, 'c.db'));
      return rest;
    };
    const before = state();
    // D01 resubmits its 2011Q2 problems without ZG-2.
    const again = files({ 'd01.yaml': `problems:\n${problem('ZG-1', 'D01', '2011-04-10', CLOSED)}` });
    const r = await json(dir, ['import', join(again, 'd01.yaml'), '--db', 'c.db', '--replace']);
    expect(r.code).toBe(0);
    expect(r.json.sections.problems).toMatchObject({ removed: 1 });
    expect(problems(join(dir, 'c.db')).map((p) => p.id)).toEqual(['ZG-1', 'ZG-3']);
    expect((await cxzy(['undo', '--db', 'c.db'], { cwd: dir })).code).toBe(0);
    expect(state()).toEqual(before);
  });

  it('names bad problems where they are and writes nothing: dates out of order, a status without its date, a recheck of an open problem, an unknown pledge', async () => {
    const bad = `problems:
${problem('ZG-1', 'D01', '2011-04-10', '    status: closed\n    resolved: "2011-05-20"\n    closed: "2011-05-10"\n')}${problem('ZG-2', 'D01', '2011-04-10', '    status: resolved\n')}${problem('ZG-3', 'D02', '2011-04-10', '    status: open\n    rechecks:\n      - {date: "2011-09-10", result: holds}\n')}${problem('ZG-4', 'D02', '2011-04-10', '    status: open\n    pledge: P-NONE\n')}`;
    const dir = county(bad);
    const r = await cxzy(['import', '.', '--db', 'c.db'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ledger.yaml:12:13  错误  problems[0].closed: 销号日期 2011-05-10 早于整改完成日期 2011-05-20');
    expect(r.stderr).toMatch(/ledger\.yaml:13:5 {2}错误 {2}problems\[1\]: 整改状态为“已整改待验收”时必须填写整改完成日期/);
    expect(r.stderr).toMatch(/ledger\.yaml:\d+:\d+ {2}错误 {2}problems\[2\]\.rechecks: 回头看只能针对已销号的问题，此问题的整改状态为“待整改”/);
    // The file's own errors stop the run before references are checked; alone, the unknown pledge is named.
    const ref = county(`problems:\n${problem('ZG-4', 'D02', '2011-04-10', '    status: open\n    pledge: P-NONE\n')}`);
    const r2 = await cxzy(['import', '.', '--db', 'c.db'], { cwd: ref });
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/ledger\.yaml:\d+:\d+ {2}错误 {2}承诺“P-NONE”不存在/);
    // A first import that fails leaves no database behind.
    for (const d of [dir, ref]) expect(existsSync(join(d, 'c.db'))).toBe(false);
  });

  it('a 回头看 row for a problem the workbook lacks is an error at its cell', async () => {
    const dir = county('problems: []\n');
    await workbook(join(dir, '台账.xlsx'), [
      { name: '问题台账', rows: [['编号', '组织编号', '发现日期', '问题来源', '问题描述', '整改措施', '责任人', '整改时限', '整改状态']] },
      {
        name: '回头看',
        rows: [
          ['问题编号', '日期', '结果'],
          ['ZG-9', '2011-09-10', '反弹'],
        ],
      },
    ]);
    const r = await cxzy(['validate', '台账.xlsx'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('台账.xlsx:回头看!A2');
    expect(r.stderr).toContain('本工作簿的“问题台账”中没有编号为 ZG-9 的问题，回头看无处可记');
  });
});
