// What a new user met: two files of one branch's quarter in one batch, a
// folder given as the rules file, init -q, a dry run's places in workbooks.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import unzipper from 'unzipper';
import { BASE, EXAMPLES, ROOT, cxzy, files } from './helpers.js';
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

describe('a workbook with an open password', () => {
  it('is named so, with how to take the password off in Excel and WPS; an old .xls under a new name is named so too', async () => {
    // An OLE compound file as Excel writes an encrypted workbook: its directory names an EncryptedPackage stream.
    const ole = Buffer.concat([
      Buffer.from('d0cf11e0a1b11ae1', 'hex'),
      Buffer.alloc(504),
      Buffer.from('EncryptionInfo\0EncryptedPackage', 'utf16le'),
      Buffer.alloc(1024),
    ]);
    const old = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504), Buffer.from('Workbook', 'utf16le'), Buffer.alloc(1024)]);
    const dir = files({ ...BASE, '加密.xlsx': ole, '旧格式.xlsx': old });
    const r = await cxzy(['validate', '加密.xlsx', '旧格式.xlsx'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('加密.xlsx:1:1  错误  这个工作簿设置了打开密码');
    expect(r.stderr).toContain('“文件”›“信息”›“保护工作簿”›“用密码进行加密”');
    expect(r.stderr).toContain('“文件”›“文档加密”›“密码加密”');
    expect(r.stderr).toContain('旧格式.xlsx:1:1  错误  不能读取 .xls 文件');
    expect(r.stderr).not.toContain('已损坏');
    // The real one, where the shared test files are at hand.
    const real = join(ROOT, '..', 'shared', 'realfiles', 'calamine', 'pass_protected.xlsx');
    if (!existsSync(real)) return;
    const v = await cxzy(['validate', real]);
    expect(v.stderr).toContain('这个工作簿设置了打开密码');
  });
});

describe('the notice as a workbook', () => {
  it('filters each attachment’s table, as the table workbooks are', async () => {
    const dir = files({});
    expect((await cxzy(['import', EXAMPLES, '-q'], { cwd: dir })).code).toBe(0);
    expect((await cxzy(['report', '--month', '2011-06', '--out', '通报.xlsx'], { cwd: dir })).code).toBe(0);
    const zip = await unzipper.Open.file(join(dir, '通报.xlsx'));
    const part = async (name: string) => (await zip.files.find((f) => f.path === name)!.buffer()).toString('utf8');
    const sheets = zip.files.filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f.path)).length;
    expect(sheets).toBeGreaterThan(3);
    for (let k = 2; k <= sheets; k++) expect(await part(`xl/worksheets/sheet${k}.xml`), `sheet ${k}`).toMatch(/<autoFilter ref="A\d+:[A-Z]+\d+"\/>/);
    expect(await part('xl/worksheets/sheet1.xml')).not.toContain('<autoFilter');
    expect((await part('xl/workbook.xml')).match(/_xlnm\._FilterDatabase/g)).toHaveLength(sheets - 1);
  });
});
