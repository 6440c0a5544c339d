// Workbooks read as Excel shows them, or refused (issue 21): phonetic guides,
// rich text, every cell type, cells without references, the control
// characters YAML refuses, and damaged or oversized files refused with a
// message that says so, nothing stored.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cxzy, dump, files } from './helpers.js';
import { str, workbookParts, zip, type Part, type SheetPart } from './zip-parts.js';
import { ooxmlText } from '../src/core/text.js';

const ORG_HEAD = `<row r="1">${str('A1', '编号')}${str('B1', '名称')}${str('C1', '类型')}${str('D1', '上级编号')}${str('E1', '类别')}</row>`;
/** The 组织 sheet with W01 named by `name` (a cell's XML at B2). */
const orgs = (name: string): SheetPart => ({
  name: '组织',
  xml: `${ORG_HEAD}<row r="2">${str('A2', 'W01')}${name}${str('C2', '党委')}${str('E2', '机关')}</row>`,
});
const REPORT_HEAD = `<row r="1">${str('A1', '组织编号')}${str('B1', '日期')}${str('C1', '标题')}</row>`;
/** The 信息报送 sheet with one report of W01 dated by `date` (a cell's XML at B2). */
const reports = (date: string): SheetPart => ({ name: '信息报送', xml: `${REPORT_HEAD}<row r="2">${str('A2', 'W01')}${date}${str('C2', '一条信息')}</row>` });

async function load(parts: Part[]) {
  const dir = files({});
  zip(join(dir, 'in.xlsx'), parts);
  const r = await cxzy(['import', 'in.xlsx', '--format', 'json'], { cwd: dir });
  const json = JSON.parse(r.stdout);
  const db = join(dir, 'cxzy.db');
  return { code: r.code, json, rows: existsSync(db) ? dump(db) : null };
}
const nameOf = (rows: Record<string, unknown[]> | null) => (rows?.orgs as { name: string }[] | undefined)?.[0]?.name;
const messages = (json: { errors: { message: string }[] }) => json.errors.map((e) => e.message).join('\n');

describe('workbook cells as Excel shows them', () => {
  it('a shared string with a phonetic guide is its text, not the pinyin above it', async () => {
    const si = '<si><t>城关镇党委</t><rPh sb="0" eb="2"><t>chengguan</t></rPh><phoneticPr fontId="1"/></si>';
    const r = await load(workbookParts([orgs('<c r="B2" t="s"><v>0</v></c>')], [si]));
    expect(r.code).toBe(0);
    expect(nameOf(r.rows)).toBe('城关镇党委');
  });

  it('rich text, shared or inline, is all its runs', async () => {
    const si = '<si><r><rPr><b/></rPr><t>城关</t></r><r><t xml:space="preserve">镇党委</t></r></si>';
    expect(nameOf((await load(workbookParts([orgs('<c r="B2" t="s"><v>0</v></c>')], [si]))).rows)).toBe('城关镇党委');
    const inline = '<c r="B2" t="inlineStr"><is><r><t>城关</t></r><r><t>镇党委</t></r></is></c>';
    expect(nameOf((await load(workbookParts([orgs(inline)]))).rows)).toBe('城关镇党委');
  });

  it('reads cells and rows written without their references', async () => {
    const bare = (t: string) => `<c t="inlineStr"><is><t>${t}</t></is></c>`;
    const xml = `<row>${['编号', '名称', '类型', '上级编号', '类别'].map(bare).join('')}</row><row>${bare('W01')}${bare('城关镇党委')}${bare('党委')}<c/>${bare('机关')}</row>`;
    const r = await load(workbookParts([{ name: '组织', xml }]));
    expect(r.code).toBe(0);
    expect(r.rows?.orgs).toMatchObject([{ code: 'W01', name: '城关镇党委', type: 'committee', category: 'agency' }]);
  });

  it('dates: t="d" cells, numbers in a date format (built-in, Chinese built-in, custom), serials with a time', async () => {
    const cases: [string, number[]][] = [
      ['<c r="B2" t="d"><v>2011-03-05T00:00:00</v></c>', [0]],
      ['<c r="B2" s="1"><v>40607</v></c>', [0, 14]],
      ['<c r="B2" s="1"><v>40607</v></c>', [0, 57]],
      ['<c r="B2"><v>40607.75</v></c>', [0]],
    ];
    for (const [cell, formats] of cases) {
      const r = await load(workbookParts([orgs(str('B2', '城关镇党委')), reports(cell)], [], formats));
      expect([r.code, (r.rows?.reports as { date: string }[] | undefined)?.[0]?.date], cell).toEqual([0, '2011-03-05']);
    }
  });

  it('a workbook of the 1904 date system, as Excel for Mac saves it (its x15:workbookPr extension after): serials, date-formatted or not, count from 1904', async () => {
    const book1904 = (parts: Part[]) =>
      parts.map((p) =>
        p.name === 'xl/workbook.xml'
          ? {
              ...p,
              data: String(p.data)
                .replace('<sheets>', '<workbookPr date1904="1"/><sheets>')
                .replace(
                  '</workbook>',
                  '<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>',
                ),
            }
          : p,
      );
    // 2011-03-05 is day 39145 counted from 1904-01-01.
    for (const cell of ['<c r="B2" s="1"><v>39145</v></c>', '<c r="B2"><v>39145</v></c>']) {
      const r = await load(book1904(workbookParts([orgs(str('B2', '城关镇党委')), reports(cell)], [], [0, 14])));
      expect([r.code, (r.rows?.reports as { date: string }[] | undefined)?.[0]?.date], cell).toEqual([0, '2011-03-05']);
    }
  });

  it('a value its cell type cannot hold is an error at that cell', async () => {
    for (const cell of ['<c r="B2"><v>95abc</v></c>', '<c r="B2" t="d"><v>not a date</v></c>', '<c r="B2" t="s"><v>7</v></c>']) {
      const r = await load(workbookParts([orgs(str('B2', '城关镇党委')), reports(cell)]));
      expect(r.code, cell).toBe(1);
      expect(r.json.errors[0]).toMatchObject({ file: 'in.xlsx', code: 'cell' });
      expect(r.json.errors[0]).toMatchObject({ sheet: '信息报送', cell: 'B2' });
      expect(r.json.errors[0].message).toContain('与它在文件中标明的类型不符');
      expect(r.rows).toBeNull();
    }
  });

  it('refuses the characters YAML refuses: C0 and C1 controls, DEL, CR, bidi overrides, U+FFFF', async () => {
    for (const bad of ['城关_x001B_镇', '城关_xFFFF_镇', '城关\u0085镇', '城关\u007f镇', '城关_x000D_镇', '城关\u202e镇', '城关\u2066镇']) {
      const r = await load(workbookParts([orgs(str('B2', bad))]));
      expect(r.code, bad).toBe(1);
      expect(r.json.errors[0].code).toBe('control_char');
      expect(r.json.errors[0]).toMatchObject({ sheet: '组织', cell: 'B2' });
    }
    // A line break typed with Alt+Enter is text.
    const r = await load(workbookParts([orgs(str('B2', '城关\n镇党委'))]));
    expect([r.code, nameOf(r.rows)]).toEqual([0, '城关\n镇党委']);
  });

  it('OOXML escapes: _x000A_ is a character, _x005F_ keeps a literal one; cxzy writes them as it reads them', async () => {
    const si = '<si><t>城关_x005F_x0041_镇党委</t></si>';
    expect(nameOf((await load(workbookParts([orgs('<c r="B2" t="s"><v>0</v></c>')], [si]))).rows)).toBe('城关_x0041_镇党委');
    expect(ooxmlText('a_x0041_b\uffff')).toBe('a_x005F_x0041_b_xFFFF_');
  });

  it('reads a workbook whose elements carry a namespace prefix (<x:row>), as some programs write them', async () => {
    const prefixed = (xml: string) =>
      xml
        .replace(/<(\/?)(?![?!])([A-Za-z])/g, '<$1x:$2')
        .replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
    const si = '<si><t>城关镇党委</t></si>';
    const parts = workbookParts([orgs('<c r="B2" t="s"><v>0</v></c>')], [si]).map((p) =>
      p.name.startsWith('xl/') && !p.name.includes('_rels') ? { ...p, data: prefixed(String(p.data)) } : p,
    );
    expect(String(parts.find((p) => p.name.includes('sheet1'))!.data)).toContain('<x:row r="2">');
    const r = await load(parts);
    expect([r.code, nameOf(r.rows)]).toEqual([0, '城关镇党委']);
  });

  it('finds the workbook where the package says it is, and its parts where their relations say', async () => {
    // The main part as xl/book.xml, shared strings under another name: both named only by relations.
    const parts = workbookParts([orgs('<c r="B2" t="s"><v>0</v></c>')], ['<si><t>城关镇党委</t></si>']).map((p) => {
      if (p.name === '_rels/.rels') return { ...p, data: String(p.data).replace('xl/workbook.xml', '/xl/book.xml') };
      if (p.name === 'xl/workbook.xml') return { ...p, name: 'xl/book.xml' };
      if (p.name === 'xl/sharedStrings.xml') return { ...p, name: 'xl/strings1.xml' };
      if (p.name === 'xl/_rels/workbook.xml.rels')
        return {
          name: 'xl/_rels/book.xml.rels',
          data: String(p.data).replace(
            '</Relationships>',
            '<Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings1.xml"/></Relationships>',
          ),
        };
      return p;
    });
    const r = await load(parts);
    expect([r.code, nameOf(r.rows)]).toEqual([0, '城关镇党委']);
  });

  it('does not read a very hidden sheet, and says so', async () => {
    const r = await load(workbookParts([orgs(str('B2', '城关镇党委')), { ...reports(str('B2', '2011-03-05')), state: 'veryHidden' }]));
    expect(r.code).toBe(0);
    expect(r.rows?.reports).toEqual([]);
    expect(r.json.warnings.map((w: { code: string }) => w.code)).toContain('sheet_hidden');
  });
});

describe('damaged and oversized workbooks are refused, nothing stored', () => {
  const good = () => workbookParts([orgs(str('B2', '城关镇党委'))]);
  const refused = async (parts: Part[], text: RegExp) => {
    const r = await load(parts);
    expect(r.code).toBe(1);
    expect(r.rows).toBeNull();
    expect(messages(r.json)).toMatch(text);
    return r;
  };

  it('a part whose data does not match its CRC', async () => {
    const parts = good().map((p) => (p.name.includes('sheet1') ? { ...p, crc: 12345 } : p));
    await refused(parts, /无法读取这个工作簿/);
  });

  it('two parts of one name', async () => {
    const parts = good();
    const sheet = parts.find((p) => p.name.includes('sheet1'))!;
    await refused([...parts, { ...sheet, data: String(sheet.data).replace('城关镇党委', '另一个名字') }], /无法读取这个工作簿/);
  });

  it('a sheet whose part is missing; a relation written ./worksheets/… is read', async () => {
    await refused(
      good().filter((p) => !p.name.includes('sheet1')),
      /无法读取这个工作簿/,
    );
    const r = await load(workbookParts([{ ...orgs(str('B2', '城关镇党委')), target: './worksheets/sheet1.xml' }]));
    expect([r.code, nameOf(r.rows)]).toEqual([0, '城关镇党委']);
    const abs = await load(workbookParts([{ ...orgs(str('B2', '城关镇党委')), target: '/xl/worksheets/sheet1.xml' }]));
    expect([abs.code, nameOf(abs.rows)]).toEqual([0, '城关镇党委']);
  });

  it('a cell past Excel’s 32,767 characters, and merged ranges past a million cells', async () => {
    const r = await refused(workbookParts([orgs(str('B2', '长'.repeat(40_000)))]), /超过 32767 个字符/);
    expect(JSON.stringify(r.json).length).toBeLessThan(5_000);
    expect(r.json.errors[0]).toMatchObject({ sheet: '组织', cell: 'B2' });
    const merged = { ...orgs(str('B2', '城关镇党委')), after: '<mergeCells count="1"><mergeCell ref="A2:Z100000"/></mergeCells>' };
    const m = await refused(workbookParts([merged]), /合并单元格共覆盖超过 1000000 个单元格/);
    expect(m.json.errors[0]).toMatchObject({ sheet: '组织', cell: 'A2' });
  });
  it('a zip bomb is refused before it inflates, whether its directory says its size or lies about it; a cell past column XFD or row 1048576 at once', async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `<row r="${i + 2}">${str(`A${i + 2}`, 'W01')}</row>`).join('');
    const bomb = (size: number) =>
      workbookParts([{ ...orgs(str('B2', '城关镇党委')), xml: `${ORG_HEAD}${rows(20_000)}` }]).map((p) => (p.name.includes('sheet1') ? { ...p, size } : p));
    // 2.5 GB of rows, as the directory says.
    await refused(bomb(2_500_000_000), /解压后超过 256 MiB/);
    // A directory that says 1 KB for a part that inflates to more.
    await refused(bomb(1_000), /无法读取这个工作簿/);
    const far = await refused(workbookParts([orgs(`<c r="XFE2" t="inlineStr"><is><t>城关镇党委</t></is></c>`)]), /“XFE2”超出了 Excel 工作表的范围/);
    expect(far.json.errors[0]).toMatchObject({ sheet: '组织' });
    await refused(workbookParts([orgs(`<c r="ZZZZZZZZZZ2"><v>1</v></c>`)]), /超出了 Excel 工作表的范围/);
    await refused(workbookParts([{ name: '组织', xml: `${ORG_HEAD}<row r="1048577">${str('A1048577', 'W01')}</row>` }]), /超出了 Excel 工作表的范围/);
  });
});
