// The bulletin as an Excel workbook: one sheet per section. A section's tables
// stand side by side, their header rows on one row that is frozen, so every
// table keeps its header in view. Numbers stay numbers and dates dates; text
// that Excel could take for a formula is stored as text.
import { loadExcel } from '../read/workbook/excel.js';
import type ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { cellText, chartTable, spansText, type CellValue, type Doc, type DocTable } from './doc.js';
import { width } from './text.js';
import { FORMULA_START } from './csv.js';
import { printable } from '../core/text.js';

/** Excel forbids : \ / ? * [ ] in sheet names and cuts them at 31 characters. */
const sheetName = (title: string) => title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

function setCell(cell: ExcelJS.Cell, c: CellValue): void {
  if (c === null) return;
  switch (c.t) {
    case 'text':
      cell.value = printable(c.v); // a plain string is always a shared string, never a formula
      if (FORMULA_START.test(c.v)) cell.numFmt = '@';
      return;
    case 'num':
    case 'stars':
      cell.value = c.v;
      if (c.t === 'num' && c.d) cell.numFmt = `0.${'0'.repeat(c.d)}`;
      return;
    case 'pct':
      cell.value = c.v;
      cell.numFmt = '0.0%';
      return;
    case 'date':
      cell.value = new Date(`${c.v}T00:00:00Z`);
      cell.numFmt = 'yyyy-mm-dd';
      return;
  }
}

const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F4F6' } };

/**
 * Written row by row with exceljs's streaming writer: a city's bulletin has
 * some 400,000 table rows, which the in-memory workbook took two minutes and
 * 3.5 GB to build.
 */
export async function renderXlsx(doc: Doc): Promise<Buffer> {
  // exceljs takes a third of a second to load: only the xlsx format pays for it.
  const Excel = await loadExcel();
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = 'cxzy';
  wb.title = doc.title ?? '';
  for (const s of doc.sections) {
    const facts = s.parts.flatMap((p) => (p.kind === 'para' ? [spansText(p.spans)] : []));
    const tables: DocTable[] = s.parts.flatMap((p) => (p.kind === 'table' ? [{ ...p.table, rows: [...p.table.rows] }] : p.kind === 'chart' ? [chartTable(p.chart)] : []));
    const captionRow = 2 + facts.length + 1;
    const headerRow = captionRow + 1;
    const ws = wb.addWorksheet(sheetName(s.title), { views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }] });
    // Widths come first: a streamed sheet writes its columns before its rows.
    const starts: number[] = [];
    const widths: number[] = [];
    let col = 1;
    for (const tb of tables) {
      starts.push(col);
      tb.headers.forEach((h, j) => {
        let w = width(h);
        for (const r of tb.rows as CellValue[][]) w = Math.max(w, width(cellText(r[j] ?? null)));
        widths[col + j] = Math.min(50, Math.max(8, w + 2));
      });
      col += tb.headers.length + 1;
    }
    ws.columns = Array.from({ length: col }, (_, i) => (widths[i + 1] ? { width: widths[i + 1] } : {}));

    const title = ws.getRow(1).getCell(1);
    title.value = s.title;
    title.font = { bold: true, size: 14 };
    ws.getRow(1).commit();
    facts.forEach((line, i) => {
      setCell(ws.getRow(2 + i).getCell(1), { t: 'text', v: line });
      ws.getRow(2 + i).commit();
    });
    const caption = ws.getRow(captionRow);
    const header = ws.getRow(headerRow);
    tables.forEach((tb, k) => {
      caption.getCell(starts[k]).value = tb.caption;
      caption.getCell(starts[k]).font = { bold: true };
      tb.headers.forEach((h, j) => {
        const cell = header.getCell(starts[k] + j);
        cell.value = h;
        cell.font = { bold: true };
        cell.fill = HEAD_FILL;
        cell.border = { bottom: { style: 'thin' } };
      });
    });
    caption.commit();
    header.commit();
    // The tables side by side: row i of the sheet holds row i of each.
    const rowsOf = tables.map((tb) => tb.rows as CellValue[][]);
    const depth = Math.max(1, ...rowsOf.map((r) => r.length));
    for (let i = 0; i < depth; i++) {
      const row = ws.getRow(headerRow + 1 + i);
      tables.forEach((tb, k) => {
        if (i === 0 && rowsOf[k].length === 0) row.getCell(starts[k]).value = tb.none ?? '';
        rowsOf[k][i]?.forEach((c, j) => setCell(row.getCell(starts[k] + j), c));
      });
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
  return Buffer.concat(chunks);
}
