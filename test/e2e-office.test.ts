// What a new user met: two files of one branch's quarter in one batch, a
// folder given as the rules file, init -q, a dry run's places in workbooks.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { BASE, cxzy, files } from './helpers.js';
import { workbook } from './workbook-fixtures.js';

const reportsOf = (titles: string[]) => `period: 2011Q1\nreports:\n${titles.map((t, i) => `  - {org: D01, date: 2011-01-1${i}, title: ${t}}\n`).join('')}`;

describe('two files of one branch’s quarter in one batch', () => {
  it('is one error naming both files and the branch, however many records they share; --add takes both as supplements', async () => {
    const points = (m: string) => `  - {member: ${m}, study: 18, excel: 18, service: 18, discipline: 18, integrity: 18}\n`;
    const file = (titles: string[]) =>
      `${reportsOf(titles)}reviews:\n  - {org: D01, self: 90, masses: {satisfied: 40}, superior: 90}\npoints:\n${points('M1')}${points('M2')}`;
    const dir = files({ ...BASE, 'in/D01 一季度.yaml': file(['甲', '乙', '丙']), 'in/D01 一季度（修改后）.yaml': file(['甲', '乙（改）', '丙']) });
    const r = await cxzy(['import', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.match(/ 错误 {2}/g)).toHaveLength(1);
    expect(r.stderr).toContain(
      'D01 红湾社区党支部 2011Q1 的材料（测评、积分、信息报送）在本批的两个文件里都有：in/D01 一季度.yaml 和 in/D01 一季度（修改后）.yaml',
    );
    const json = JSON.parse((await cxzy(['import', '.', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.errors).toEqual([expect.objectContaining({ code: 'duplicate_id', org: 'D01', period: '2011Q1', sections: ['reviews', 'points', 'reports'] })]);
    // Months of one quarter in two files are two submissions, not one: no error.
    const months = files({ ...BASE, 'a.yaml': reportsOf(['甲']), 'b.yaml': 'reports:\n  - {org: D01, date: 2011-02-01, title: 乙}\n' });
    expect((await cxzy(['import', '.', '-q'], { cwd: months })).code).toBe(0);
    // Said to be supplements, both count; their record in common is still one record twice.
    const extra = files({ ...BASE, 'a.yaml': reportsOf(['甲', '乙']), 'b.yaml': reportsOf(['丙']) });
    expect((await cxzy(['import', '.', '-q'], { cwd: extra })).code).toBe(1);
    const added = await cxzy(['import', '.', '--add', '--format', 'json'], { cwd: extra });
    expect(JSON.parse(added.stdout).sections.reports.inserted).toBe(3);
  });
});

describe('what a new user types', () => {
  it('--rules given a folder says it is a folder', async () => {
    const dir = files({ ...BASE, 'rules/cxzy.rules.yaml': 'stars:\n  star_min: 18\n' });
    const r = await cxzy(['grade', '--rules', 'rules'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--rules 给的 rules 是一个文件夹，不是规则文件：请写出规则文件本身，如 ${join('rules', 'cxzy.rules.yaml')}`);
  });

  it('init -q prints nothing', async () => {
    const dir = files({});
    const r = await cxzy(['init', 'data', '-q'], { cwd: dir });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
  });

  it('a dry run places a workbook’s record at its sheet and row, as every message does', async () => {
    const dir = files({ ...BASE });
    expect((await cxzy(['import', '.', '-q'], { cwd: dir })).code).toBe(0);
    await workbook(join(dir, 'D01.xlsx'), [
      {
        name: '信息报送',
        rows: [
          ['组织编号', '日期', '标题'],
          ['D01', '2011-01-05', '红湾社区一条'],
        ],
      },
    ]);
    const r = await cxzy(['import', 'D01.xlsx', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+ 新增 D01|2011-01-05|红湾社区一条（D01.xlsx:信息报送!A2）');
    const json = JSON.parse((await cxzy(['import', 'D01.xlsx', '--dry-run', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.changes[0]).toMatchObject({ file: 'D01.xlsx', line: 2, sheet: '信息报送' });
  });
});
