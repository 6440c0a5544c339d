// grade, stars and quota --out FILE: the format from the extension, the same
// bytes as on stdout for text formats, a workbook of one table per sheet that
// prints on A4, and a file written whole or not at all.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, cxzy, tmp } from './helpers.js';
import { loadExcel } from '../src/read/workbook/excel.js';

let dir: string;
const run = (args: string[]) => cxzy([...args, '--db', join(dir, 'cxzy.db')], { cwd: dir });

beforeAll(async () => {
  dir = tmp();
  expect((await run(['import', EXAMPLES, '-q'])).code).toBe(0);
});

describe('--out for grade, stars and quota', () => {
  it('grade --out g.xlsx holds every graded org, typed, in a sheet that filters and prints on A4', async () => {
    const r = await run(['grade', '--out', 'g.xlsx']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '已写入 g.xlsx\n']);
    const Excel = await loadExcel();
    const wb = new Excel.Workbook();
    await wb.xlsx.readFile(join(dir, 'g.xlsx'));
    const expected = JSON.parse((await run(['grade', '--format', 'json'])).stdout).orgs as { org: string; composite: number | null }[];
    // One table, one sheet: no sheet of text for a document without a title.
    expect(wb.worksheets.map((w) => w.name)).toEqual(['2011Q2 分类定级']);
    const ws = wb.worksheets[0];
    const header = ws.getRow(1).values as unknown[];
    const codes: unknown[] = [];
    ws.eachRow((row, n) => n > 1 && codes.push(row.getCell(header.indexOf('编号')).value));
    expect(codes.sort()).toEqual(expected.map((o) => o.org).sort());
    const d0101 = ws.getRow(codes.indexOf('D0101') + 2);
    expect(typeof d0101.getCell(header.indexOf('综合')).value).toBe('number');
    expect(ws.autoFilter).toBe(`A1:${String.fromCharCode(64 + header.length - 1)}${expected.length + 1}`);
    expect([ws.pageSetup.paperSize, ws.pageSetup.printTitlesRow, ws.pageSetup.fitToWidth]).toEqual([9, '1:1', 1]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('writes the same bytes into .csv, .md and .json as --format prints', async () => {
    for (const [cmd, file, format] of [
      ['stars', 's.csv', 'csv'],
      ['quota', 'q.md', 'md'],
      ['grade', 'g.json', 'json'],
      ['quota', 'q.markdown', 'md'],
    ] as const) {
      expect((await run([cmd, '--out', file])).code).toBe(0);
      expect(readFileSync(join(dir, file), 'utf8'), file).toBe((await run([cmd, '--format', format])).stdout);
    }
    // --format wins over the extension
    expect((await run(['stars', '--format', 'json', '--out', 'stars.txt'])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'stars.txt'), 'utf8')).period).toBe('2011Q2');
  });

  it('grade --explain --out keeps each explanation in a column of its row', async () => {
    expect((await run(['grade', '--explain', '--org', 'D0101', '--out', 'e.xlsx'])).code).toBe(0);
    const Excel = await loadExcel();
    const wb = new Excel.Workbook();
    await wb.xlsx.readFile(join(dir, 'e.xlsx'));
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(2);
    expect(String(ws.getRow(2).values)).toMatch(/综合 = 0\.2×/);
    // Too long for its column, the explanation wraps in a row tall enough for it.
    const explanation = ws.getRow(2).getCell(ws.columnCount);
    expect(explanation.alignment).toMatchObject({ wrapText: true });
    expect(ws.getRow(2).height).toBeGreaterThan(15 * 3);
  });

  it('refuses an extension it cannot write and writes nothing; a write that fails leaves nothing behind', async () => {
    const before = readdirSync(dir).sort();
    const r = await run(['grade', '--out', 'g.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cxzy: 用法错误：无法从文件名 g.txt 判断格式；请用 .json .csv .md .markdown .xlsx 之一结尾，或加 --format\n');
    const x = await run(['quota', '--format', 'xlsx']);
    expect([x.code, x.stderr]).toEqual([2, 'cxzy: 用法错误：xlsx 是二进制文件，请用 --out 指定文件名，如 --out 通报.xlsx\n']);
    const w = await run(['stars', '--out', join('no', 'such', 'folder', 's.xlsx')]);
    expect(w.code).toBe(3);
    expect(w.stderr).toMatch(/^cxzy: 无法写入 no\/such\/folder\/s\.xlsx：/);
    expect(w.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });
});
