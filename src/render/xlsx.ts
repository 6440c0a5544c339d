// The bulletin as an Excel workbook: one sheet per section. A section's tables
// stand side by side, their header rows on one row that is frozen, so every
// table keeps its header in view. Numbers stay numbers and dates dates; text
// that Excel could take for a formula is stored as text.
import type ExcelJS from 'exceljs';
import stringWidth from 'string-width';
import { cellText, chartTable, type CellValue, type Doc, type DocTable } from './doc.js';

/** Excel forbids : \ / ? * [ ] in sheet names and cuts them at 31 characters. */
const sheetName = (title: string) => title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

/** Text Excel would read as a formula or a DDE command when typed in. */
export const FORMULA_START = /^[=+\-@\t\r]/;

function setCell(cell: ExcelJS.Cell, c: CellValue): void {
  if (c === null) return;
  switch (c.t) {
    case 'text':
      cell.value = c.v; // a plain string is always a shared string, never a formula
      if (FORMULA_START.test(c.v)) cell.numFmt = '@';
      return;
    case 'num':
      cell.value = c.v;
      if (c.d) cell.numFmt = `0.${'0'.repeat(c.d)}`;
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

export async function renderXlsx(doc: Doc): Promise<Buffer> {
  // exceljs takes a third of a second to load: only the xlsx format pays for it.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'cxzy';
  wb.title = doc.title;
  for (const s of doc.sections) {
    const ws = wb.addWorksheet(sheetName(s.title));
    ws.getCell(1, 1).value = s.title;
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    const facts = s.blocks.flatMap((b) => (b.kind === 'facts' ? b.lines : []));
    facts.forEach((line, i) => setCell(ws.getCell(2 + i, 1), { t: 'text', v: line }));
    const tables: DocTable[] = s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : b.kind === 'chart' ? [chartTable(b.chart)] : []));
    const captionRow = 2 + facts.length + 1;
    const headerRow = captionRow + 1;
    const widths: number[] = [];
    let col = 1;
    for (const tb of tables) {
      ws.getCell(captionRow, col).value = tb.caption;
      ws.getCell(captionRow, col).font = { bold: true };
      tb.headers.forEach((h, j) => {
        const cell = ws.getCell(headerRow, col + j);
        cell.value = h;
        cell.font = { bold: true };
        cell.fill = HEAD_FILL;
        cell.border = { bottom: { style: 'thin' } };
      });
      if (tb.rows.length === 0) ws.getCell(headerRow + 1, col).value = doc.none;
      tb.rows.forEach((r, i) => r.forEach((c, j) => setCell(ws.getCell(headerRow + 1 + i, col + j), c)));
      tb.headers.forEach((h, j) => {
        const w = Math.max(stringWidth(h), ...tb.rows.map((r) => stringWidth(cellText(r[j] ?? null))));
        widths[col + j] = Math.min(50, Math.max(8, w + 2));
      });
      col += tb.headers.length + 1;
    }
    widths.forEach((w, i) => {
      if (w) ws.getColumn(i).width = w;
    });
    ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
