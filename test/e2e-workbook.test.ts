// Workbooks in: a branch's filled sheets import beside YAML, through the same
// checks, with every bad cell named FILE:SHEET!CELL and nothing written on
// error; --replace works on them as on YAML.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { cxzy, dump, files, SHEET_LABELS } from './helpers.js';
import { OFFICE_SHEETS, OFFICE_YAML, workbook, type SheetSpec } from './workbook-fixtures.js';
import { loadExcel } from '../src/read/workbook/excel.js';
import { str, workbookParts, zip } from './zip-parts.js';
import unzipper from 'unzipper';

async function run(dir: string, args: string[]) {
  const r = await cxzy([...args, '--format', 'json'], { cwd: dir });
  return { ...r, json: JSON.parse(r.stdout) };
}

/** OFFICE_SHEETS with `sheet`'s row `row` (1-based) replaced. */
function withRow(sheet: string, row: number, cells: unknown[]): SheetSpec[] {
  return OFFICE_SHEETS.map((s) => (s.name === sheet ? { ...s, rows: s.rows.map((r, i) => (i === row - 1 ? cells : r)) } : s));
}

const RECORDS = ['orgs', 'members', 'pledges', 'reviews', 'points', 'reports', 'typicals'];
/** Every record table's rows, without their sources and generation. */
function rows(db: string) {
  const d = dump(db);
  return Object.fromEntries(RECORDS.map((t) => [t, (d[t] as Record<string, unknown>[]).map(({ src_file, src_line, src_sheet, gen, ...rest }) => rest)]));
}

describe('workbooks in', () => {
  it('a workbook filled as an office does gives the same grades, stars and quota as the same records in YAML', async () => {
    const dir = files(OFFICE_YAML);
    await workbook(join(dir, '报送.xlsx'), OFFICE_SHEETS);
    expect((await cxzy(['import', 'orgs.yaml', 'q1.yaml', '--db', 'yaml.db', '-q'], { cwd: dir })).code).toBe(0);
    const r = await run(dir, ['import', '报送.xlsx', '--db', 'xlsx.db']);
    expect(r.code).toBe(0);
    expect(r.json.warnings).toEqual([]);
    expect(r.json.sections.points.inserted).toBe(3);
    expect(rows(join(dir, 'xlsx.db'))).toEqual(rows(join(dir, 'yaml.db')));
    for (const cmd of [['grade'], ['stars'], ['quota', '--period', '2011Q1'], ['quota', '--month', '2011-02']]) {
      const a = await cxzy([...cmd, '--db', 'yaml.db', '--format', 'json'], { cwd: dir });
      const b = await cxzy([...cmd, '--db', 'xlsx.db', '--format', 'json'], { cwd: dir });
      expect(a.code).toBe(0);
      expect(b.stdout, cmd.join(' ')).toBe(a.stdout);
    }
    // --explain traces a figure to its sheet and row.
    const explain = await cxzy(['grade', '--db', 'xlsx.db', '--explain', '--org', 'D01'], { cwd: dir });
    expect(explain.stdout).toContain('报送.xlsx:季度测评!A2');
  });

  it('reads sheets as offices name and fill them: a bracketed note or another name, a 序号 column, a 合计 row, the annotate column, a title of up to nine lines above the header, the leads’ short names as headers, enumerations with spaces inside, typed dates, full-width digits and formulas whose result is 0', async () => {
    const dir = files(OFFICE_YAML);
    await workbook(join(dir, 'plain.xlsx'), OFFICE_SHEETS);
    const habits = OFFICE_SHEETS.map((s): SheetSpec => {
      if (s.name === '信息报送') {
        const [head, ...rows] = s.rows;
        // Numbered rows, a total at the foot, and the column an annotated copy adds, emptied by the branch.
        return {
          name: '信息报送（二季度）',
          rows: [['序号', ...head, '错误'], ...rows.map((r, i) => [i + 1, ...r, '']), ['合计', '', '', `共${rows.length}条`]],
        };
      }
      // A formula whose stored result is 0 (a total of nothing) is 0.
      if (s.name === '季度测评')
        return { ...s, rows: s.rows.map((r, i) => (i === 1 ? [...r.slice(0, 6), { formula: 'B2-B2', result: 0 }, ...r.slice(7)] : r)) };
      // Enumerations typed with spaces inside: a full-width space, a line break.
      if (s.name === '组织')
        return {
          ...s,
          rows: s.rows.map((r, i) => (i === 1 ? [r[0], r[1], '党 委', r[3], '机\u3000关'] : i === 2 ? [...r.slice(0, 2), '党\n支部', ...r.slice(3)] : r)),
        };
      // The leads by their short names, under a title of six lines.
      if (s.name === '党员积分') {
        const [head, ...rows] = s.rows.map((r) => (r[1] === 'M3' ? [...r.slice(0, 3), '１５', ...r.slice(4)] : r));
        const short = head.map((h) => (typeof h === 'string' ? h.replace(/^带头/, '') : h));
        const title = [
          ['城关镇党员积分表'],
          ['（2011年第一季度）'],
          [],
          ['填报单位：城关镇党委'],
          ['填报人：许长青', undefined, '电话：1234567'],
          ['单位：分'],
        ];
        return { ...s, rows: [...title, short, ...rows] };
      }
      // A title and a line of who filled it above the header.
      if (s.name === '党员') return { ...s, rows: [['城关镇党员名册（2011年）'], ['填报单位：城关镇党委', undefined, '填报日期：2011-03-31'], ...s.rows] };
      return s.name === '积分扣减' ? { ...s, name: '积分扣分' } : s;
    });
    // Dates typed as text, as people type them.
    const typed = ['2011.1.5', '2011/2/10', '2011年2月28日', '２０１１-１-２０'];
    const reports = habits.find((s) => s.name.startsWith('信息报送'))!;
    reports.rows = reports.rows.map((r, i) => (i >= 1 && i <= typed.length ? [r[0], r[1], r[2], typed[i - 1], ...r.slice(4)] : r));
    await workbook(join(dir, 'habits.xlsx'), habits);
    expect((await cxzy(['import', 'plain.xlsx', '--db', 'plain.db', '-q'], { cwd: dir })).code).toBe(0);
    const r = await run(dir, ['import', 'habits.xlsx', '--db', 'habits.db']);
    // Nothing refused, nothing warned of: only the new database said.
    expect(r.stderr).toBe(`新建数据库 ${join(dir, 'habits.db')}\n`);
    expect(r.code).toBe(0);
    expect(r.json.sections.reports.inserted).toBeGreaterThan(0);
    expect(rows(join(dir, 'habits.db'))).toEqual(rows(join(dir, 'plain.db')));
  });

  it('skips the note rows offices put under a header (units, a date format, a hint), each named, and still refuses a data row that is wrong', async () => {
    const dir = files(OFFICE_YAML);
    await workbook(join(dir, 'plain.xlsx'), OFFICE_SHEETS);
    const noted = OFFICE_SHEETS.map((s): SheetSpec => {
      const [head, ...rest] = s.rows;
      // The units under the header, in the columns they are for; then a note of how to fill it.
      if (s.name === '党员积分') return { ...s, rows: [head, ['', '', '', '分', '分', '分', '分', '分'], ['（单位：分）'], ...rest] };
      if (s.name === '信息报送') return { ...s, rows: [head, ['', '', '格式:2011-07-05', '', '县级/市级/省级'], ['', '', 'YYYY-MM-DD'], ...rest] };
      // The branch's merged 季度 cells move down with their rows.
      if (s.name === '季度测评') return { ...s, rows: [head, ['填写说明：每个支部一行'], ...rest], merges: ['A3:A4'] };
      return s;
    });
    await workbook(join(dir, 'noted.xlsx'), noted);
    expect((await cxzy(['import', 'plain.xlsx', '--db', 'plain.db', '-q'], { cwd: dir })).code).toBe(0);
    const r = await run(dir, ['import', 'noted.xlsx', '--db', 'noted.db']);
    expect(r.code).toBe(0);
    expect(rows(join(dir, 'noted.db'))).toEqual(rows(join(dir, 'plain.db')));
    const notes = r.json.warnings.filter((w: { code: string }) => w.code === 'note_row');
    expect(notes.map((w: { sheet: string; cell: string }) => `${w.sheet}!${w.cell}`)).toEqual([
      '季度测评!A2',
      '党员积分!D2',
      '党员积分!A3',
      '信息报送!C2',
      '信息报送!C3',
    ]);
    const text = await cxzy(['validate', 'noted.xlsx'], { cwd: dir });
    expect(text.stderr).toContain('党员积分!2 是表头下的说明行（“分”），不是数据，没有读取');
    expect(text.stderr).toContain('信息报送!2 是表头下的说明行（“格式:2011-07-05”），不是数据，没有读取');
    // A first data row with a code is data, however it reads: its bad cell is refused, at its cell.
    await workbook(join(dir, 'bad.xlsx'), withRow('信息报送', 2, ['D01', '红湾社区党支部', '格式:2011-07-05', '红湾社区开展党员志愿服务', '县级']));
    const bad = await run(dir, ['validate', 'bad.xlsx']);
    expect(bad.code).toBe(1);
    expect(bad.json.errors[0]).toMatchObject({ sheet: '信息报送', cell: 'C2' });
  });

  it('a hidden sheet is not read, and says so', async () => {
    const dir = files(OFFICE_YAML);
    const draft: SheetSpec = {
      name: '信息报送（旧草稿）',
      hidden: true,
      rows: [
        ['组织编号', '日期', '标题'],
        ['D01', '2011-01-09', '旧草稿：不要导入'],
      ],
    };
    await workbook(join(dir, 'x.xlsx'), [...OFFICE_SHEETS, draft]);
    const r = await run(dir, ['import', 'x.xlsx']);
    expect(r.code).toBe(0);
    expect(r.json.warnings).toEqual([
      expect.objectContaining({
        sheet: '信息报送（旧草稿）',
        code: 'sheet_hidden',
        message: expect.stringContaining('工作表“信息报送（旧草稿）”是隐藏的，没有读取'),
      }),
    ]);
    expect(rows(join(dir, 'cxzy.db')).reports.map((x) => (x as { title: string }).title)).not.toContain('旧草稿：不要导入');
  });

  it('a sheet named otherwise is read by its headers when they are one section’s, and every other sheet not read is named', async () => {
    const dir = files(OFFICE_YAML);
    const sheets = OFFICE_SHEETS.map((s) => (s.name === '信息报送' ? { ...s, name: 'Sheet1' } : s));
    await workbook(join(dir, 'x.xlsx'), [
      ...sheets,
      {
        name: '二季度汇总',
        rows: [
          ['单位', '完成情况'],
          ['红湾', '良好'],
        ],
      },
    ]);
    const r = await run(dir, ['import', 'x.xlsx']);
    expect(r.code).toBe(0);
    expect(r.json.sections.reports.inserted).toBe(4);
    expect(r.json.warnings).toEqual([
      expect.objectContaining({ sheet: 'Sheet1', code: 'sheet_by_headers', message: expect.stringContaining('按其列名读作“信息报送”') }),
      expect.objectContaining({ sheet: '二季度汇总', code: 'sheet_not_read', message: expect.stringContaining('工作表“二季度汇总”没有读取') }),
    ]);
  });

  it('reads workbooks and YAML in one batch, references across them', async () => {
    const dir = files({ 'orgs.yaml': OFFICE_YAML['orgs.yaml'] });
    await workbook(join(dir, 'D01.xlsx'), [OFFICE_SHEETS.find((s) => s.name === '信息报送')!]);
    const r = await run(dir, ['import', '.']);
    expect(r.code).toBe(0);
    expect(r.json.sections.reports.inserted).toBe(4);
    expect(r.json.files).toBe(2);
  });

  it('names each bad cell FILE:SHEET!CELL with its header and value, and writes nothing', async () => {
    const dir = files({});
    const bad = withRow('党员积分', 2, ['2011Q1', 'M1', '张三', 25, 19, 18, 20, 19])
      .map((s) => (s.name === '党员积分' ? { ...s, rows: s.rows.map((r, i) => (i === 2 ? [...r.slice(0, 7), '十九'] : r)) } : s))
      .map((s) =>
        s.name === '组织' ? { ...s, rows: [...s.rows, ['0101', '河口村党支部', '党支部', 'W01', '农村'], [101, '石桥村党支部', '党支部', 'W01', '农村']] } : s,
      )
      .map((s) => (s.name === '信息报送' ? { ...s, rows: [...s.rows, ['D01', '红湾社区党支部', '2011年2月30日', '一条信息']] } : s));
    await workbook(join(dir, 'D01.xlsx'), bad);
    const r = await run(dir, ['import', 'D01.xlsx']);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'cxzy.db'))).toBe(false);
    const at = r.json.errors.map((e: { sheet: string; cell: string; line: number; col: number }) => `${e.sheet}!${e.cell} ${e.line}:${e.col}`);
    expect(at).toEqual(['组织!A6 6:1', '党员积分!D2 2:4', '党员积分!H3 3:8', '信息报送!C6 6:3']);
    const text = await cxzy(['validate', 'D01.xlsx'], { cwd: dir });
    expect(text.stderr).toContain('D01.xlsx:党员积分!D2  错误  带头学习提高: 不能超过满分 20（规则 stars.max_points），实际为 25');
    expect(text.stderr).toContain('   列“带头学习提高”：25');
    expect(text.stderr).toContain('D01.xlsx:党员积分!H3  错误  带头弘扬正气: 应为数字，实际为文本');
    expect(text.stderr).toContain('D01.xlsx:组织!A6  错误  编号: 编号被存成了数字 101');
    // 2011年3月5日 is read as 2011-03-05; a day the calendar lacks is an error.
    expect(text.stderr).toContain('D01.xlsx:信息报送!C6  错误  日期: 日期“2011年2月30日”无效');
    expect(text.stderr).toContain('   列“日期”：2011年2月30日');
  });

  it('an unknown header, a missing required column and a deduction without points are each an error at their cell', async () => {
    const dir = files({});
    const sheets = OFFICE_SHEETS.map((s) => {
      if (s.name === '党员') return { ...s, rows: [['姓名', '编号', '所在支布', '身份'], ...s.rows.slice(1)] };
      if (s.name === '季度测评') return { ...s, rows: s.rows.map((r) => r.slice(0, 7)), merges: ['A2:A3'] };
      if (s.name === '积分扣减')
        return { ...s, rows: [...s.rows, ['2011Q1', 'M3', '王五', '带头学习提高', 1, '迟到']].map((r, i) => (i === 2 ? ['2011Q2', ...r.slice(1)] : r)) };
      return s;
    });
    await workbook(join(dir, 'x.xlsx'), sheets);
    const r = await run(dir, ['validate', 'x.xlsx']);
    const errs = r.json.errors.map((e: { sheet: string; cell: string; message: string }) => `${e.sheet}!${e.cell} ${e.message}`);
    expect(errs).toContain('党员!C1 未知的列名“所在支布”，是否应为“所在支部”？');
    expect(errs).toContain('季度测评!A1 缺少必填的列“上级评定”');
    expect(errs).toContain('积分扣减!B3 本工作簿的“党员积分”中没有党员 M3 在 2011Q2 的积分，扣分无处可扣');
  });

  it('refuses .xls, .et and .csv with a word to save as .xlsx, named or in a folder: a branch’s records are never passed over', async () => {
    const dir = files({ 'old.xls': 'x', 'old.csv': 'a,b\n', 'orgs.yaml': OFFICE_YAML['orgs.yaml'], 'notes.txt': '备忘' });
    const r = await cxzy(['validate', 'old.xls', 'old.csv'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('old.xls:1:1  错误  不能读取 .xls 文件：请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（.xlsx）后再导入');
    expect(r.stderr).toContain('不能读取 .csv 文件');
    const folder = await cxzy(['import', '.'], { cwd: dir });
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain('old.xls:1:1  错误  不能读取 .xls 文件');
    expect(folder.stderr).toContain('old.csv:1:1  错误  不能读取 .csv 文件');
    expect(folder.stderr).toContain('. 中有 1 个文件不是数据文件（.yaml、.xlsx），已跳过：notes.txt');
    expect(existsSync(join(dir, 'cxzy.db'))).toBe(false);
  });

  it('a damaged workbook or one without data sheets is an error, not a crash', async () => {
    const dir = files({ 'broken.xlsx': 'PK\u0003\u0004 not really a zip' });
    await workbook(join(dir, 'sheet1.xlsx'), [{ name: 'Sheet1', rows: [['编号', '名称']] }]);
    const r = await cxzy(['validate', 'broken.xlsx', 'sheet1.xlsx'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('broken.xlsx:1:1  错误  无法读取这个工作簿');
    // The zip library's own words are English: Chinese text gives the remedy instead.
    expect(r.stderr.split('\n')).toContain(
      'broken.xlsx:1:1  错误  无法读取这个工作簿（文件已损坏或不完整，或不是 .xlsx 格式）：请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（.xlsx）”后再导入',
    );
    expect(r.stderr).toContain('sheet1.xlsx:1:1  错误  工作簿里没有可导入的工作表（现有：Sheet1）');
    expect(r.stderr).not.toMatch(/ {4}at /);
  });

  it('a name beside a code that is not the code’s name is a warning at that cell', async () => {
    const dir = files({});
    await workbook(join(dir, 'x.xlsx'), withRow('党员积分', 3, ['2011Q1', 'M2', '李斯', 18, 18, 18, 18, 18]));
    const r = await run(dir, ['validate', 'x.xlsx']);
    expect(r.code).toBe(0);
    expect(r.json.warnings).toEqual([
      expect.objectContaining({ sheet: '党员积分', cell: 'C3', code: 'name_mismatch', message: '党员 M2 的名称是“李四”，这里写的是“李斯”：请核对编号' }),
    ]);
  });

  it('a name beside a code that is another member’s name is an error: the points would go to someone else', async () => {
    const dir = files({});
    // M2's points, written with 张三's name (M1): 张三's code typed as M2, or M2's row given 张三's name.
    await workbook(join(dir, 'x.xlsx'), withRow('党员积分', 3, ['2011Q1', 'M2', '张三', 18, 18, 18, 18, 18]));
    const r = await run(dir, ['import', 'x.xlsx']);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'cxzy.db'))).toBe(false);
    expect(r.json.errors).toEqual([
      expect.objectContaining({
        sheet: '党员积分',
        cell: 'C3',
        code: 'name_other',
        message: '党员 M2 是“李四”，这里写的“张三”是 M1：编号填错会把记录记到别人名下，请核对编号',
      }),
    ]);
    expect(r.json.warnings).toEqual([]);
  });

  it('an unknown reference in a workbook is placed at its cell, with the closest codes', async () => {
    const dir = files({});
    await workbook(join(dir, 'x.xlsx'), withRow('信息报送', 2, ['D10', '红湾社区党支部', new Date('2011-01-05T00:00:00Z'), '一条', '县级']));
    const r = await run(dir, ['validate', 'x.xlsx']);
    expect(r.json.errors.map((e: { sheet: string; cell: string; message: string }) => `${e.sheet}!${e.cell} ${e.message}`)).toEqual([
      '信息报送!A2 组织“D10”不存在（本批文件和数据库中都没有），是否应为 D01（红湾社区党支部）？',
    ]);
  });

  it('one branch’s corrected workbook with --replace changes that branch only', async () => {
    const dir = files(OFFICE_YAML);
    await cxzy(['import', '.', '-q'], { cwd: dir });
    const before = dump(join(dir, 'cxzy.db'));
    const reports = OFFICE_SHEETS.find((s) => s.name === '信息报送')!;
    // D01 resends its reports: one dropped, one new; D02 is not in the workbook.
    await workbook(join(dir, 'D01.xlsx'), [
      { name: '信息报送', rows: [reports.rows[0], reports.rows[1], ['D01', '红湾社区党支部', '2011-03-15', '红湾社区新的一条', '县级']] },
    ]);
    const r = await run(dir, ['import', 'D01.xlsx', '--replace']);
    expect(r.code).toBe(0);
    expect(r.json.replace).toEqual([{ section: 'reports', period: '2011Q1', orgs: ['D01'] }]);
    expect(r.json.sections.reports).toEqual({ inserted: 1, updated: 0, unchanged: 1, removed: 2 });
    const after = dump(join(dir, 'cxzy.db'));
    const of = (d: Record<string, unknown[]>, org: string) => (d.reports as { org: string; title: string }[]).filter((x) => x.org === org);
    expect(of(after, 'D02')).toEqual(of(before, 'D02'));
    expect(
      of(after, 'D01')
        .map((x) => x.title)
        .sort(),
    ).toEqual(['红湾社区开展党员志愿服务', '红湾社区新的一条']);
  });

  it('keeps Chinese text whole across the reader’s chunks (a long shared-strings part)', async () => {
    const dir = files({ 'orgs.yaml': OFFICE_YAML['orgs.yaml'] });
    // Thousands of titles of three-byte characters: many fall across a 16 KiB boundary.
    const titles = Array.from({ length: 3000 }, (_, i) => `红湾社区开展第${i}次党员志愿服务活动`);
    await workbook(join(dir, 'r.xlsx'), [{ name: '信息报送', rows: [['组织编号', '日期', '标题'], ...titles.map((t) => ['D01', '2011-01-05', t])] }]);
    expect((await cxzy(['import', '.', '-q'], { cwd: dir })).code).toBe(0);
    const stored = (dump(join(dir, 'cxzy.db')).reports as { title: string }[]).map((x) => x.title).sort();
    expect(stored).toEqual([...titles].sort());
  });
});

describe('export', () => {
  it('exports to .yaml and .xlsx that import into an empty database to the same rows', async () => {
    const dir = files(OFFICE_YAML);
    await cxzy(['import', '.', '-q'], { cwd: dir });
    for (const out of ['all.yaml', 'all.xlsx']) {
      const r = await cxzy(['export', '--out', out], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`已导出 15 条记录到 ${out}`);
      expect((await cxzy(['import', out, '--db', `${out}.db`, '-q'], { cwd: dir })).code).toBe(0);
      expect(rows(join(dir, `${out}.db`))).toEqual(rows(join(dir, 'cxzy.db')));
    }
  });

  it('keeps every byte of text through .xlsx: spaces at either end, text that reads like an escape; a typed workbook is still trimmed', async () => {
    const dir = files({
      'orgs.yaml': [
        'orgs:',
        '  - {code: W01, name: "  城关镇党委\\u3000", type: 党委, category: agency, secretary: "\\t陈立新\\u00a0 "}',
        '  - {code: D01, name: "红湾社区_x0041_党支部 ", type: 党支部, parent: W01, category: social, secretary: " "}',
      ].join('\n'),
    });
    expect((await cxzy(['import', 'orgs.yaml', '-q'], { cwd: dir })).code).toBe(0);
    expect((await cxzy(['export', '--out', 'all.xlsx'], { cwd: dir })).code).toBe(0);
    expect((await cxzy(['import', 'all.xlsx', '--db', 'back.db', '-q'], { cwd: dir })).code).toBe(0);
    expect(rows(join(dir, 'back.db'))).toEqual(rows(join(dir, 'cxzy.db')));
    expect((dump(join(dir, 'back.db')).orgs as { name: string }[]).map((o) => o.name)).toEqual(['红湾社区_x0041_党支部 ', '  城关镇党委\u3000']);
    // The same text typed by a branch (no export's mark) is trimmed, as SPEC §1 reads people's sheets.
    await workbook(join(dir, 'typed.xlsx'), [
      {
        name: '组织',
        rows: [
          ['编号', '名称', '类型', '上级编号', '类别'],
          ['D02', '  东关社区党支部 ', '党支部', 'W01', 'social'],
        ],
      },
    ]);
    expect((await cxzy(['import', 'typed.xlsx', '-q'], { cwd: dir })).code).toBe(0);
    expect((dump(join(dir, 'cxzy.db')).orgs as { code: string; name: string }[]).find((o) => o.code === 'D02')?.name).toBe('东关社区党支部');
  });

  it('--org exports the subtree with the chain above it; --period one quarter’s records', async () => {
    const dir = files(OFFICE_YAML);
    writeFileSync(join(dir, 'q2.yaml'), 'period: 2011Q2\nreviews:\n  - {org: D02, self: 80, masses: {satisfied: 30}, superior: 80}\n');
    await cxzy(['import', '.', '-q'], { cwd: dir });
    await cxzy(['export', '--out', 'd02.yaml', '--org', 'D02'], { cwd: dir });
    expect((await cxzy(['import', 'd02.yaml', '--db', 'd02.db', '-q'], { cwd: dir })).code).toBe(0);
    const d = rows(join(dir, 'd02.db'));
    expect((d.orgs as { code: string }[]).map((o) => o.code)).toEqual(['D02', 'W01']);
    expect((d.members as { id: string }[]).map((m) => m.id)).toEqual(['M3']);
    expect((d.reviews as { period: string }[]).map((v) => v.period)).toEqual(['2011Q1', '2011Q2']);
    await cxzy(['export', '--out', 'q2.xlsx', '--period', '2011Q2'], { cwd: dir });
    expect((await cxzy(['import', 'q2.xlsx', '--db', 'q2.db', '-q'], { cwd: dir })).code).toBe(0);
    expect((rows(join(dir, 'q2.db')).reviews as unknown[]).length).toBe(1);
    const bad = await cxzy(['export', '--out', 'x.txt'], { cwd: dir });
    expect(bad.code).toBe(2);
  });
});

describe('template', () => {
  async function open(path: string) {
    const Excel = await loadExcel();
    const wb = new Excel.Workbook();
    await wb.xlsx.readFile(path);
    return wb;
  }
  // Every section's sheet and its lists' (test/sections.test.ts), after the instructions.
  const SHEETS = ['填表说明', ...SHEET_LABELS];

  it('has every sheet and header, dropdowns of Chinese labels, number and date checks from the rules in force', async () => {
    const dir = files({ 'cxzy.rules.yaml': 'stars:\n  max_points: 25\n  star_min: 20\n' });
    const r = await cxzy(['template', '--out', 't.xlsx'], { cwd: dir });
    expect(r.code).toBe(0);
    const wb = await open(join(dir, 't.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHEETS);
    const headers = (name: string) => (wb.getWorksheet(name)!.getRow(1).values as unknown[]).slice(1);
    expect(headers('组织')).toEqual(['编号*', '名称*', '类型*', '上级编号', '类别*', '书记', '在册']);
    expect(headers('党员积分')).toEqual([
      '季度*',
      '党员编号*',
      '带头学习提高*',
      '带头争创佳绩*',
      '带头服务群众*',
      '带头遵纪守法*',
      '带头弘扬正气*',
      '满意',
      '基本满意',
      '不满意',
      '姓名',
    ]);
    expect(headers('季度测评').slice(0, 3)).toEqual(['季度*', '组织编号*', '自评*']);
    for (const name of SHEETS.slice(1)) {
      const setup = wb.getWorksheet(name)!.pageSetup;
      expect(setup, name).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    }
    expect(wb.getWorksheet('党员积分')!.pageSetup.orientation).toBe('landscape');
    const check = (name: string, ref: string) => wb.getWorksheet(name)!.getCell(ref).dataValidation;
    expect(check('组织', 'C2')).toMatchObject({ type: 'list', formulae: ['"党委,党工委,党总支,党支部"'] });
    expect(check('党员', 'D9')).toMatchObject({ type: 'list', formulae: ['"书记,委员,党员,预备党员"'] });
    expect(check('党员积分', 'C2')).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 25] });
    expect(check('季度测评', 'D2')).toMatchObject({ type: 'whole', formulae: [0, 10_000_000] });
    expect(check('季度测评', 'C2')).toMatchObject({ type: 'decimal', formulae: [0, 100] });
    expect(check('信息报送', 'C2')).toMatchObject({ type: 'date' });
    expect(check('信息报送', 'E2')).toMatchObject({ type: 'list', formulae: ['"未采用,县级,市级,省级,中央"'] });
    expect(wb.getWorksheet('组织')!.getColumn(1).numFmt).toBe('@');
    expect(wb.getWorksheet('党员积分')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const guide = wb.getWorksheet('填表说明')!;
    const text = (guide.getSheetValues() as unknown[][]).flat().join('\n');
    expect(text).toContain('以 0 开头的编号');
    expect(text).toContain('红湾社区开展“三会一课”规范化建设');
    // The blank template reads as a workbook with no records.
    expect((await cxzy(['validate', 't.xlsx'], { cwd: dir })).code).toBe(0);
  });

  it('pre-filled for a subtree and a quarter, then filled in, imports; --split writes one per branch and per committee', async () => {
    const dir = files(OFFICE_YAML);
    await cxzy(['import', 'orgs.yaml', '-q'], { cwd: dir });
    expect((await cxzy(['template', '--out', 'W01.xlsx', '--org', 'W01', '--period', '2011Q2'], { cwd: dir })).code).toBe(0);
    const wb = await open(join(dir, 'W01.xlsx'));
    const values = (name: string) =>
      (wb.getWorksheet(name)!.getSheetValues() as unknown[][])
        .slice(2)
        .filter(Boolean)
        .map((r) => r.slice(1));
    expect(values('组织').map((r) => r[0])).toEqual(['W01', 'D01', 'D02']);
    expect(values('季度测评').map((r) => [r[0], r[1], r[12]])).toEqual([
      ['2011Q2', 'D01', '红湾社区党支部'],
      ['2011Q2', 'D02', '东关社区党支部'],
    ]);
    expect(values('党员积分').map((r) => [r[0], r[1], r[10]])).toEqual([
      ['2011Q2', 'M1', '张三'],
      ['2011Q2', 'M2', '李四'],
      ['2011Q2', 'M3', '王五'],
    ]);
    // Unfilled, the rows to score are errors at their cells.
    const unfilled = await run(dir, ['validate', 'W01.xlsx']);
    expect(unfilled.json.errors[0]).toMatchObject({ sheet: '季度测评', cell: 'C2', code: 'required' });
    // Filled in as a branch would, it imports.
    const reviews = wb.getWorksheet('季度测评')!;
    for (const r of [2, 3]) reviews.getRow(r).values = ['2011Q2', reviews.getCell(r, 2).value, 90, 40, 2, 0, 88];
    const points = wb.getWorksheet('党员积分')!;
    for (const r of [2, 3, 4]) for (const c of [3, 4, 5, 6, 7]) points.getCell(r, c).value = 19;
    await wb.xlsx.writeFile(join(dir, 'filled.xlsx'));
    const r = await run(dir, ['import', 'filled.xlsx']);
    expect(r.code).toBe(0);
    expect(r.json.sections.reviews.inserted).toBe(2);
    expect(r.json.sections.points.inserted).toBe(3);
    expect((await cxzy(['grade', '--period', '2011Q2'], { cwd: dir })).code).toBe(0);
    const split = await cxzy(['template', '--out', 'out', '--split', '--org', 'W01', '--period', '2011Q2'], { cwd: dir });
    expect(split.code).toBe(0);
    expect(existsSync(join(dir, 'out', 'D01-红湾社区党支部-2011Q2.xlsx')) && existsSync(join(dir, 'out', 'D02-东关社区党支部-2011Q2.xlsx'))).toBe(true);
    const d01 = await open(join(dir, 'out', 'D01-红湾社区党支部-2011Q2.xlsx'));
    expect(
      (d01.getWorksheet('党员积分')!.getSheetValues() as unknown[][])
        .slice(2)
        .filter(Boolean)
        .map((row) => row[2]),
    ).toEqual(['M1', 'M2']);
    // The committee gets one of its own, for its own reports and typicals: itself, none of its branches' rows.
    expect(split.stderr).toContain('已为 2 个党支部、1 个党委各生成一个工作簿，在 out');
    const w01 = await open(join(dir, 'out', 'W01-城关镇党委-2011Q2.xlsx'));
    const rowsOf = (name: string) => (w01.getWorksheet(name)!.getSheetValues() as unknown[][]).slice(2).filter(Boolean);
    expect(rowsOf('组织').map((row) => row[1])).toEqual(['W01']);
    expect([rowsOf('季度测评').length, rowsOf('党员积分').length]).toEqual([0, 0]);
    expect(w01.getWorksheet('信息报送')).toBeDefined();
    // Again into the same folder: a branch's workbook there is never replaced, nothing is written.
    writeFileSync(join(dir, 'out', 'D02-东关社区党支部-2011Q2.xlsx'), 'filled in by the branch');
    const again = await cxzy(['template', '--out', 'out', '--split', '--org', 'W01', '--period', '2011Q2'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      '文件夹 out 中已有 3 个同名文件（如 W01-城关镇党委-2011Q2.xlsx、D01-红湾社区党支部-2011Q2.xlsx、D02-东关社区党支部-2011Q2.xlsx），为免覆盖已填好的表，什么也没有写',
    );
    expect(readFileSync(join(dir, 'out', 'D02-东关社区党支部-2011Q2.xlsx'), 'utf8')).toBe('filled in by the branch');
    // --force replaces them, but never through a link planted there.
    const forced = await cxzy(['template', '--out', 'out', '--split', '--force', '--org', 'W01', '--period', '2011Q2'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(
      readFileSync(join(dir, 'out', 'D02-东关社区党支部-2011Q2.xlsx'))
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    writeFileSync(join(dir, 'victim.txt'), 'keep');
    rmSync(join(dir, 'out', 'D01-红湾社区党支部-2011Q2.xlsx'));
    symlinkSync(join(dir, 'victim.txt'), join(dir, 'out', 'D01-红湾社区党支部-2011Q2.xlsx'));
    expect((await cxzy(['template', '--out', 'out', '--split', '--force', '--org', 'W01', '--period', '2011Q2'], { cwd: dir })).code).toBe(2);
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('keep');
  });

  it('--split names each workbook by code and name, safely: characters Windows refuses, trailing dots, case twins', async () => {
    const dir = files({
      'orgs.yaml': `orgs:
  - {code: W01, name: 城关镇党委, type: committee, category: agency}
  - {code: CON, name: "甲/乙:支部", type: branch, parent: W01, category: rural}
  - {code: D01, name: 丙支部, type: branch, parent: W01, category: rural}
  - {code: d01, name: 丙支部, type: branch, parent: W01, category: rural}
  - {code: D02, name: "丁支部. ", type: branch, parent: W01, category: rural}
`,
    });
    expect((await cxzy(['import', 'orgs.yaml', '-q'], { cwd: dir })).code).toBe(0);
    expect((await cxzy(['template', '--out', 'out', '--split'], { cwd: dir })).code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([
      'CON-甲_乙_支部.xlsx',
      'D01-丙支部.xlsx',
      'D02-丁支部.xlsx',
      'W01-城关镇党委.xlsx',
      'd01-丙支部-2.xlsx',
    ]);
  });
});

describe('validate --annotate', () => {
  it('marks exactly the error cells, says what is wrong on each row, and lists every error', async () => {
    const dir = files({});
    const sheets = withRow('党员积分', 2, ['2011Q1', 'M1', '张三', 25, 19, 18, 20, 19]).map((s) =>
      s.name === '信息报送' ? { ...s, rows: [...s.rows, ['D09', '某支部', '2011-02-30', '一条信息']] } : s,
    );
    await workbook(join(dir, 'D01.xlsx'), sheets);
    const r = await cxzy(['validate', 'D01.xlsx', '--annotate', 'back'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('已为 1 个有错误的工作簿生成标注副本，在 back');
    const Excel = await loadExcel();
    const wb = new Excel.Workbook();
    await wb.xlsx.readFile(join(dir, 'back', 'D01.xlsx'));
    const marked: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if ((cell.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb === 'FFFFC7CE')
            marked.push(`${ws.name}!${cell.address} ${cell.note ? 'noted' : ''}`);
        }),
      );
    }
    expect(marked.sort()).toEqual(['信息报送!C6 noted', '党员积分!D2 noted']);
    const points = wb.getWorksheet('党员积分')!;
    expect(points.getCell('I1').value).toBe('错误');
    expect(String(points.getCell('I2').value)).toContain('D2 带头学习提高: 不能超过满分 20');
    // Set up to print: A4, as wide as the page, the list's header on every page.
    for (const ws of wb.worksheets) expect(ws.pageSetup, ws.name).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(wb.getWorksheet('错误清单')!.pageSetup.printTitlesRow).toBe('1:1');
    expect(points.getCell('I3').value).toBeNull();
    const list = wb.getWorksheet('错误清单')!;
    expect((list.getSheetValues() as unknown[][]).slice(2).map((row) => `${row[1]}!${row[2]}`)).toEqual(['党员积分!D2', '信息报送!C6']);
    // The data is untouched: the copy, fixed, would import.
    expect(points.getCell('D2').value).toBe(25);
    // --annotate never writes over the workbook it marks.
    expect((await cxzy(['validate', 'D01.xlsx', '--annotate', '.'], { cwd: dir })).code).toBe(2);
  });

  it('a workbook too large to copy whole gets the list of its errors alone, and says so', async () => {
    const dir = files({ 'orgs.yaml': OFFICE_YAML['orgs.yaml'] });
    // 38,000 rows of 8 cells, each with a study that is not a number: past the cells a marked copy takes.
    const head = ['季度', '党员编号', '姓名', '学习提高', '争创佳绩', '服务群众', '遵纪守法', '弘扬正气'];
    const cols = 'ABCDEFGH';
    const rows = [`<row r="1">${head.map((h, i) => str(`${cols[i]}1`, h)).join('')}</row>`];
    for (let r = 2; r <= 38_001; r++) {
      const cells = [str(`A${r}`, '2011Q1'), str(`B${r}`, 'M1'), str(`C${r}`, '张三'), str(`D${r}`, 'x')];
      rows.push(`<row r="${r}">${cells.join('')}${[...'EFGH'].map((c) => `<c r="${c}${r}"><v>19</v></c>`).join('')}</row>`);
    }
    zip(join(dir, 'big.xlsx'), workbookParts([{ name: '党员积分', xml: rows.join('') }]));
    const r = await cxzy(['validate', 'orgs.yaml', 'big.xlsx', '--annotate', 'back'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`big.xlsx 有 304008 个填写的单元格，超过标注副本的上限 300000：${join('back', 'big.xlsx')} 只是它的错误清单`);
    const Excel = await loadExcel();
    const wb = new Excel.Workbook();
    await wb.xlsx.readFile(join(dir, 'back', 'big.xlsx'));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['错误清单']);
    const list = wb.getWorksheet('错误清单')!;
    expect(list.getRow(2).values).toEqual([undefined, '党员积分', 'D2', '学习提高', 'x', expect.stringContaining('学习提高: ')]);
    // The first 10,000 errors, then how many more there are.
    expect(list.rowCount).toBe(10_002);
    expect(String(list.getRow(10_002).getCell(5).value)).toMatch(/另有 \d+ 个错误未列出/);
  }, 30_000);

  it('marks a sheet that reaches Excel’s last column, and a copy annotated before gets one errors column and one list', async () => {
    const dir = files({});
    const bad = withRow('党员积分', 2, ['2011Q1', 'M1', '张三', 25, 19, 18, 20, 19]);
    await workbook(join(dir, 'D01.xlsx'), bad);
    const r = await cxzy(['validate', 'D01.xlsx', '--annotate', 'back'], { cwd: dir });
    expect(r.code).toBe(1);
    const again = await cxzy(['validate', 'back/D01.xlsx', '--annotate', 'back2'], { cwd: dir });
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining('已为 1 个有错误的工作簿生成标注副本')]);
    const wb = await loadExcel().then(async (Excel) => {
      const w = new Excel.Workbook();
      await w.xlsx.readFile(join(dir, 'back2', 'D01.xlsx'));
      return w;
    });
    expect(wb.worksheets.filter((ws) => ws.name === '错误清单')).toHaveLength(1);
    const points = wb.getWorksheet('党员积分')!;
    const heads = (points.getRow(1).values as unknown[]).filter((v) => v === '错误');
    expect(heads).toHaveLength(1);
    expect(String(points.getCell('I2').value)).toContain('不能超过满分 20');
    // A sheet with a value in XFD, Excel's last column: no column after it, the cells still marked and listed.
    await workbook(join(dir, 'wide.xlsx'), bad);
    const Excel = await loadExcel();
    const w2 = new Excel.Workbook();
    await w2.xlsx.readFile(join(dir, 'wide.xlsx'));
    w2.getWorksheet('党员积分')!.getCell('XFD1').value = '备注';
    await w2.xlsx.writeFile(join(dir, 'wide.xlsx'));
    const xfd = await cxzy(['validate', 'wide.xlsx', '--annotate', 'back3'], { cwd: dir });
    expect([xfd.code, xfd.stderr]).toEqual([1, expect.stringContaining('已为 1 个有错误的工作簿生成标注副本')]);
    expect(existsSync(join(dir, 'back3', 'wide.xlsx'))).toBe(true);
  });

  it('never replaces an input, keeps same-named copies apart, stays inside its folder and off links', async () => {
    const dir = files({});
    const bad = withRow('党员积分', 2, ['2011Q1', 'M1', '张三', 25, 19, 18, 20, 19]);
    for (const p of ['x/D01.xlsx', 'D01.xlsx', 'a/in/D01.xlsx', 'b/in/D01.xlsx']) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      await workbook(join(dir, p), bad);
    }
    const before = readFileSync(join(dir, 'x', 'D01.xlsx'));
    // D01.xlsx's copy would be x/D01.xlsx, another input of the run.
    const onto = await cxzy(['validate', 'x/D01.xlsx', 'D01.xlsx', '--annotate', 'x'], { cwd: dir });
    expect(onto.code).toBe(2);
    expect(onto.stderr).toContain('标注副本会覆盖本次读入的文件 x/D01.xlsx');
    expect(readFileSync(join(dir, 'x', 'D01.xlsx'))).toEqual(before);
    // Two inputs named from elsewhere with one name: two copies.
    const far = await cxzy(['validate', join(dir, 'a/in/D01.xlsx'), join(dir, 'b/in/D01.xlsx'), `a/../../${basename(dir)}/D01.xlsx`, '--annotate', 'back'], {
      cwd: dir,
    });
    expect(far.code).toBe(1);
    expect(readdirSync(join(dir, 'back')).sort()).toEqual(['D01-2.xlsx', 'D01-3.xlsx', 'D01.xlsx']);
    // A link planted where a copy goes is not followed.
    mkdirSync(join(dir, 'links'));
    writeFileSync(join(dir, 'victim.txt'), 'keep');
    symlinkSync(join(dir, 'victim.txt'), join(dir, 'links', 'D01.xlsx'));
    const linked = await cxzy(['validate', 'D01.xlsx', '--annotate', 'links'], { cwd: dir });
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain('会经由链接写到 --annotate 文件夹之外');
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('keep');
  });
  it('a workbook a marked copy cannot be made of (comments where openpyxl puts them, a chart, a pivot table, a form control) gets the list of its errors, with the reason; the run goes on', async () => {
    const dir = files({});
    const bad = withRow('党员积分', 2, ['2011Q1', 'M1', '张三', 25, 19, 18, 20, 19]);
    await workbook(join(dir, 'plain.xlsx'), bad);
    const z = await unzipper.Open.file(join(dir, 'plain.xlsx'));
    const parts = await Promise.all(z.files.filter((f) => !f.path.endsWith('/')).map(async (f) => ({ name: f.path, data: await f.buffer() })));
    const rels = (target: string) =>
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="comments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="${target}"/></Relationships>`;
    const comments =
      '<?xml version="1.0"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>openpyxl</author></authors><commentList><comment ref="A1" authorId="0"><text><t>请按模板填写</t></text></comment></commentList></comments>';
    const variants: [string, { name: string; data: string }[], string][] = [
      [
        'openpyxl',
        [
          { name: 'xl/worksheets/_rels/sheet1.xml.rels', data: rels('/xl/comments/comment1.xml') },
          { name: 'xl/comments/comment1.xml', data: comments },
        ],
        '里有 cxzy 不能照样复制的部分',
      ],
      [
        'chart',
        [{ name: 'xl/charts/chart1.xml', data: '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>' }],
        '含有图表，标注副本会把它们丢掉',
      ],
      ['pivot', [{ name: 'xl/pivotTables/pivotTable1.xml', data: '<pivotTableDefinition/>' }], '含有数据透视表'],
      ['control', [{ name: 'xl/ctrlProps/ctrlProp1.xml', data: '<formControlPr/>' }], '含有表单控件'],
      ['threaded', [{ name: 'xl/threadedComments/threadedComment1.xml', data: '<ThreadedComments/>' }], '含有新版批注'],
    ];
    for (const [name, extra, why] of variants) {
      const kept = parts.filter((p) => !extra.some((e) => e.name === p.name));
      zip(join(dir, `${name}.xlsx`), [...kept, ...extra]);
      for (const cmd of [['validate'], ['import', '--skip-invalid']]) {
        const r = await cxzy([...cmd, `${name}.xlsx`, '--annotate', 'back'], { cwd: dir });
        expect(r.stderr, `${name} ${cmd[0]}`).not.toContain('internal error');
        // Nothing else to import: the run ends refused, as any run of only bad files.
        expect(r.code, `${name} ${cmd[0]}`).toBe(1);
        // The errors are printed, the list is written beside, and the note says why it is a list.
        expect(r.stderr).toContain(`${name}.xlsx:党员积分!D2`);
        expect(r.stderr).toContain(`${name}.xlsx ${why}`);
        expect(r.stderr).toContain(`${join('back', `${name}.xlsx`)} 只是它的错误清单`);
        const Excel = await loadExcel();
        const wb = new Excel.Workbook();
        await wb.xlsx.readFile(join(dir, 'back', `${name}.xlsx`));
        expect(wb.worksheets.map((ws) => ws.name)).toEqual(['错误清单']);
        expect(wb.getWorksheet('错误清单')!.getRow(2).getCell(2).value).toBe('D2');
      }
    }
  });

  it('no cell of an annotated copy passes Excel’s 32,767 characters', async () => {
    const dir = files({});
    // A title as long as a cell holds, and too long for a report's title: the error repeats it.
    const long = '长'.repeat(32_767);
    await workbook(
      join(dir, 'D01.xlsx'),
      OFFICE_SHEETS.map((s) =>
        s.name === '信息报送'
          ? { ...s, rows: [...s.rows, ['D01', '红湾社区党支部', '2011-02-01', long, '县级'], ['D01', '红湾社区党支部', '2011-02-30', long, '县级']] }
          : s,
      ),
    );
    const r = await cxzy(['validate', 'D01.xlsx', '--annotate', 'back'], { cwd: dir });
    expect(r.code).toBe(1);
    const z = await unzipper.Open.file(join(dir, 'back', 'D01.xlsx'));
    for (const f of z.files.filter((f) => f.path.endsWith('.xml'))) {
      const xml = (await f.buffer()).toString('utf8');
      for (const m of xml.matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)) expect(m[1].length, f.path).toBeLessThanOrEqual(32_767);
    }
  });
});
