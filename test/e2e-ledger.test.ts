// cxzy ledger through main(): the ledger at a date in each format, one
// subtree, only the overdue; the suggestions as a list and as a sheet that,
// filled in and imported, leaves nothing more to suggest for the quarter.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cxzy, dump, EXAMPLES, files } from './helpers.js';
import { loadExcel } from '../src/read/workbook/excel.js';
import { proseFaults } from '../src/render/i18n/figures.js';
import unzipper from 'unzipper';

const problem = (id: string, org: string, found: string, due: string, status: string, extra = '') =>
  `  - {id: ${id}, org: ${org}, found: "${found}", source: inspection, content: 三会一课记录不全, measures: 补齐记录, owner: 万淑珍, due: "${due}", status: ${status}${extra}}\n`;

const LEDGER = `problems:
${problem('ZG-1', 'D0101', '2011-04-01', '2011-04-30', 'in_progress')}${problem('ZG-2', 'D0102', '2011-04-01', '2011-06-20', 'closed', ', resolved: "2011-05-01", closed: "2011-05-05"')}${problem('ZG-3', 'D0201', '2011-05-01', '2011-06-20', 'open')}${problem('ZG-4', 'D0301', '2011-07-05', '2011-08-01', 'open')}`;

async function county() {
  const dir = files({ 'ledger.yaml': LEDGER });
  expect((await cxzy(['import', EXAMPLES, 'ledger.yaml', '--db', 'c.db', '-q'], { cwd: dir })).code).toBe(0);
  return dir;
}

const json = async (dir: string, args: string[]) => {
  const r = await cxzy([...args, '--db', 'c.db', '--format', 'json'], { cwd: dir });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
};

describe('cxzy ledger', () => {
  it('at the end of a quarter: each problem found by then, its state, and each committee ranked', async () => {
    const dir = await county();
    const l = await json(dir, ['ledger', '--period', '2011Q2']);
    expect(l.date).toBe('2011-06-30');
    expect(l.problems.map((p: Record<string, unknown>) => [p.id, p.overdue, p.days_overdue, p.supervised, p.closed_at_date])).toEqual([
      ['ZG-1', true, 61, true, false],
      ['ZG-2', false, 0, false, true],
      ['ZG-3', true, 10, false, false],
    ]);
    expect(l.summary).toEqual({ found: 3, closed: 1, rate: 1 / 3, overdue: 2, supervised: 1 });
    const w01 = l.committees.find((c: { org: string }) => c.org === 'W01');
    expect(w01).toMatchObject({ found: 2, closed: 1, rate: 0.5, overdue: 1, supervised: 1 });
    expect(l.committees[0].rank).toBe(1);

    const text = await cxzy(['ledger', '--db', 'c.db', '--period', '2011Q2'], { cwd: dir });
    expect(text.stdout).toContain('问题台账（截至 2011-06-30）');
    expect(text.stdout).toContain('共发现问题 3 个，已销号 1 个，整改率 33.3%；逾期未整改 2 个，其中挂牌督办 1 个。');
    expect(text.stdout).toContain('逾期 61 天，挂牌督办');
  });

  it('--date, --month, --org and --overdue choose what is shown; two dates are a usage error', async () => {
    const dir = await county();
    expect((await json(dir, ['ledger', '--date', '2011-07-31'])).problems.map((p: { id: string }) => p.id)).toEqual(['ZG-1', 'ZG-2', 'ZG-3', 'ZG-4']);
    expect((await json(dir, ['ledger', '--month', '2011-05'])).date).toBe('2011-05-31');
    const sub = await json(dir, ['ledger', '--period', '2011Q2', '--org', 'W02']);
    expect(sub.problems.map((p: { id: string }) => p.id)).toEqual(['ZG-3']);
    expect(sub.committees.map((c: { org: string }) => c.org)).toEqual(['W02']);
    const late = await json(dir, ['ledger', '--period', '2011Q2', '--overdue']);
    expect(late.problems.map((p: { id: string }) => p.id)).toEqual(['ZG-1', 'ZG-3']);
    const both = await cxzy(['ledger', '--db', 'c.db', '--period', '2011Q2', '--date', '2011-06-30'], { cwd: dir });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--period、--month、--date 只能给一个');
    const bad = await cxzy(['ledger', '--db', 'c.db', '--date', '2011-02-30'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect((await cxzy(['ledger', '--db', 'c.db', '--org', 'NOPE'], { cwd: dir })).code).toBe(1);
  });

  it('writes CSV, Markdown and XLSX whole, with the same figures', async () => {
    const dir = await county();
    for (const out of ['l.csv', 'l.md', 'l.xlsx'])
      expect((await cxzy(['ledger', '--db', 'c.db', '--period', '2011Q2', '--out', out], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'l.csv'), 'utf8')).toContain('ZG-1');
    expect(readFileSync(join(dir, 'l.md'), 'utf8')).toContain('| ZG-3 |');
    const Excel = await loadExcel();
    const wb = new Excel.Workbook();
    await wb.xlsx.readFile(join(dir, 'l.xlsx'));
    const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
    expect(cells).toContain('ZG-2');
  });

  it('--suggest lists what the quarter implies; the sheet it writes, filled in and imported, leaves nothing to suggest', async () => {
    const dir = await county();
    const s = await json(dir, ['ledger', '--suggest', '--period', '2011Q2']);
    expect(s.period).toBe('2011Q2');
    expect(s.suggestions.length).toBeGreaterThan(0);
    for (const x of s.suggestions) expect(['grading', 'pledge']).toContain(x.source);
    expect(s.suggestions.find((x: { source: string }) => x.source === 'pledge').pledge).toMatch(/^P-/);

    const w = await cxzy(['ledger', '--db', 'c.db', '--suggest', '--period', '2011Q2', '--out', '建议.xlsx'], { cwd: dir });
    expect(w.code).toBe(0);
    expect(w.stderr).toContain(`已把 ${s.suggestions.length} 个建议问题写入 建议.xlsx`);
    // The office fills in the measures, the owner and the deadline.
    const Excel = await loadExcel();
    const wb = new Excel.Workbook();
    await wb.xlsx.readFile(join(dir, '建议.xlsx'));
    const ws = wb.getWorksheet('问题台账')!;
    const col = (h: string) => (ws.getRow(1).values as unknown[]).findIndex((v) => String(v).replace('*', '') === h);
    ws.eachRow((row, n) => {
      if (n === 1) return;
      row.getCell(col('整改措施')).value = '制定整改方案，按月报告进度';
      row.getCell(col('责任人')).value = '支部书记';
      row.getCell(col('整改时限')).value = '2011-09-30';
    });
    await wb.xlsx.writeFile(join(dir, '建议.xlsx'));
    // Problems of orgs whose quarter's problems came in another file: a supplement, said so (else refused, naming both files).
    const unsaid = await cxzy(['import', '建议.xlsx', '--db', 'c.db'], { cwd: dir });
    expect(unsaid.code).toBe(1);
    expect(unsaid.stderr).toContain('加 --add');
    const imported = await cxzy(['import', '建议.xlsx', '--db', 'c.db', '--add', '--format', 'json'], { cwd: dir });
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).sections.problems.inserted).toBe(s.suggestions.length);
    expect((await json(dir, ['ledger', '--suggest', '--period', '2011Q2'])).suggestions).toEqual([]);
  });

  it('the monthly notice gains 六、整改落实 with the ledger at the month’s end and an attachment of the supervised problems', async () => {
    const dir = await county();
    const md = await cxzy(['report', '--db', 'c.db', '--month', '2011-06', '--format', 'md'], { cwd: dir });
    expect(md.code).toBe(0);
    // ZG-1 passed its deadline on 04-30: supervised since 05-31, so not new in June.
    const sentence = '截至本月末，问题台账共列问题3个，已销号1个，整改率33.3%；逾期未整改2个，其中挂牌督办1个，名单见附件5。';
    expect(md.stdout).toContain(`## 六、整改落实\n\n${sentence}`);
    expect(md.stdout).toContain('## 七、工作要求');
    expect(md.stdout).toMatch(/## 附件5　整改落实情况[\s\S]*挂牌督办的问题[\s\S]*ZG-1/);
    expect(proseFaults('zh', sentence)).toEqual([]);
    const j = await json(dir, ['report', '--month', '2011-06']);
    expect(j.ledger.summary).toEqual({ found: 3, closed: 1, rate: 1 / 3, overdue: 2, supervised: 1 });
    expect(j.ledger.newly_supervised).toBe(0);
    const may = await json(dir, ['report', '--month', '2011-05']);
    expect(may.ledger.newly_supervised).toBe(1);
  });

  it('a branch’s template carries its open problems to report progress on; the 公示表 of a quarter’s closed problems comes as a notice', async () => {
    const dir = await county();
    expect((await cxzy(['template', '--db', 'c.db', '--org', 'D0101', '--out', 't.xlsx'], { cwd: dir })).code).toBe(0);
    const Excel = await loadExcel();
    const wb = new Excel.Workbook();
    await wb.xlsx.readFile(join(dir, 't.xlsx'));
    const ws = wb.getWorksheet('问题台账')!;
    const rows = (ws.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)));
    expect(rows[1]).toEqual(expect.arrayContaining(['ZG-1', 'D0101', '2011-04-01', '督导检查', '三会一课记录不全', '整改中', '红湾社区党支部']));
    expect(rows).toHaveLength(2); // D0101's one open problem; ZG-2 (D0102) is another branch's
    // The branch reports it resolved, and the office imports the workbook back.
    const status = (ws.getRow(1).values as unknown[]).findIndex((v) => String(v).replace('*', '') === '整改状态');
    const resolved = (ws.getRow(1).values as unknown[]).findIndex((v) => String(v) === '整改完成日期');
    ws.getRow(2).getCell(status).value = '已整改待验收';
    ws.getRow(2).getCell(resolved).value = new Date('2011-06-20T00:00:00Z');
    await wb.xlsx.writeFile(join(dir, 't.xlsx'));
    const back = await cxzy(['import', 't.xlsx', '--db', 'c.db', '--format', 'json'], { cwd: dir });
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout).sections.problems.updated).toBe(1);

    const pub = await cxzy(['ledger', '--db', 'c.db', '--published', '2011Q2', '--date', '2011-07-05', '--out', '公示.docx'], { cwd: dir });
    expect(pub.code, pub.stderr).toBe(0);
    const zip = await unzipper.Open.file(join(dir, '公示.docx'));
    const xml = (await zip.files.find((f) => f.path === 'word/document.xml')!.buffer()).toString('utf8').replace(/<[^>]+>/g, '');
    for (const s of ['2011Q2 问题整改销号公示表', '以下1个问题已销号', '整改销号问题一览表', 'ZG-2', '2011年7月5日']) expect(xml).toContain(s);
  });

  it('supervision notices never issue a number twice: kept per year and prefix, a problem issued again keeps its own, --number starts a run', async () => {
    const dir = await county();
    writeFileSync(join(dir, 'cxzy.rules.yaml'), 'office:\n  name: 中共示范县委创先争优活动领导小组办公室\n  number_prefix: 县创争办\n');
    const issue = async (date: string, file: string, more: string[] = []) => {
      const r = await cxzy(['ledger', '--db', 'c.db', '--date', date, '--out', file, '--format', 'json', ...more], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      const j = JSON.parse(r.stdout);
      const zip = await unzipper.Open.file(join(dir, file));
      const text = (await zip.files.find((f) => f.path === 'word/document.xml')!.buffer()).toString('utf8').replace(/<[^>]+>/g, '');
      return { notices: j.notices.map((n: Record<string, unknown>) => [n.problem, n.number_text, n.issued_before]), text };
    };
    // June: ZG-1 alone is supervised.
    const june = await issue('2011-06-30', 'a.docx');
    expect(june.notices).toEqual([['ZG-1', '县创争办督〔2011〕1号', false]]);
    // September: ZG-1 again keeps 1号; the newly supervised go on from 2号.
    const sept = await issue('2011-09-30', 'b.docx');
    expect(sept.notices).toEqual([
      ['ZG-1', '县创争办督〔2011〕1号', true],
      ['ZG-3', '县创争办督〔2011〕2号', false],
      ['ZG-4', '县创争办督〔2011〕3号', false],
    ]);
    for (const n of ['县创争办督〔2011〕1号', '县创争办督〔2011〕2号', '县创争办督〔2011〕3号']) expect(sept.text).toContain(n);
    // The same notices issued again are the same numbers; a new year starts its own run, --number where asked.
    expect((await issue('2011-09-30', 'c.docx')).notices).toEqual(sept.notices.map(([p, n]: string[]) => [p, n, true]));
    expect((await issue('2012-01-31', 'd.docx', ['--number', '7'])).notices).toEqual([
      ['ZG-1', '县创争办督〔2012〕7号', false],
      ['ZG-3', '县创争办督〔2012〕8号', false],
      ['ZG-4', '县创争办督〔2012〕9号', false],
    ]);
    // A problem found late in 2011: a number already issued to another problem is refused, and nothing is written or recorded.
    writeFileSync(join(dir, 'late.yaml'), `problems:\n${problem('ZG-5', 'D0201', '2011-10-01', '2011-10-31', 'open')}`);
    expect((await cxzy(['import', 'late.yaml', '--db', 'c.db', '-q'], { cwd: dir })).code).toBe(0);
    const before = dump(join(dir, 'c.db'));
    const taken = await cxzy(['ledger', '--db', 'c.db', '--date', '2011-12-31', '--out', 'e.docx', '--number', '2'], { cwd: dir });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('2011 年的第 2 号督办通知已发给问题 ZG-3，不能再用');
    expect(existsSync(join(dir, 'e.docx'))).toBe(false);
    expect(dump(join(dir, 'c.db'))).toEqual(before);
    // A format that says nothing of notices is refused before any is numbered or written.
    const csv = await cxzy(['ledger', '--db', 'c.db', '--date', '2011-12-31', '--out', 'e.docx', '--format', 'csv'], { cwd: dir });
    expect([csv.code, existsSync(join(dir, 'e.docx'))]).toEqual([2, false]);
    expect(csv.stderr).toContain('csv');
    expect(dump(join(dir, 'c.db'))).toEqual(before);
    expect((await issue('2011-12-31', 'e.docx')).notices).toEqual([
      ['ZG-1', '县创争办督〔2011〕1号', true],
      ['ZG-3', '县创争办督〔2011〕2号', true],
      ['ZG-5', '县创争办督〔2011〕4号', false],
      ['ZG-4', '县创争办督〔2011〕3号', true],
    ]);
  });
});
