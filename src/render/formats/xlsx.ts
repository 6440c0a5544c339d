// A document as an Excel workbook, one table per sheet so that each can be
// sorted, filtered and printed: the header in row 1, frozen, with a filter;
// A4, fitted to the page's width, the header repeated on every printed page
// and the table's caption at the head of each. A notice (the bulletin) is
// laid out as it prints instead (xlsx-notice.ts). Numbers stay numbers and
// dates dates; text that Excel could take for a formula is stored as text.
import type ExcelJS from 'exceljs';
import { a4Page, streamingWorkbook } from './workbook.js';
import { chartTable, type Doc } from '../doc.js';
import { columnWidths, headerRow, hf, letters, nameFilters, PORTRAIT_CHARS, rowHeight, setCell, sheetNamer, sheetRange } from './xlsx-cells.js';
import { noticeWorkbook } from './xlsx-notice.js';

function printSetup(caption: string, filter: string, landscape: boolean): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    ...a4Page({ landscape, titleRow: 1, header: `&C&B${hf(caption)}` }),
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    autoFilter: filter,
  } as Partial<ExcelJS.AddWorksheetOptions>;
}

/**
 * Written row by row with exceljs's streaming writer: a city's bulletin has
 * some 400,000 table rows, which the in-memory workbook took two minutes and
 * 3.5 GB to build. A notice (the bulletin) is laid out as its own workbook.
 */
export async function renderXlsx(doc: Doc): Promise<Buffer> {
  const { wb, finish } = await streamingWorkbook();
  if (doc.notice) {
    noticeWorkbook(wb, doc);
    return await finish();
  }
  const name = sheetNamer();
  const tables = doc.sections.flatMap((s) =>
    s.parts.flatMap((p) => (p.kind === 'table' ? [{ ...p.table, caption: p.table.caption ?? s.title }] : p.kind === 'chart' ? [chartTable(p.chart)] : [])),
  );
  const names = tables.map((tb) => name(tb.caption ?? ''));
  const filters: string[] = [];
  tables.forEach((tb, k) => {
    // Widths come first (a streamed sheet writes its columns before its rows): one pass to measure, one to write, never all rows held.
    const { cols, wrap, count } = columnWidths(tb);
    const landscape = cols.reduce((a, b) => a + b, 0) > PORTRAIT_CHARS;
    // The filter spans the header and every row, so sorting moves whole records.
    const [last, bottom] = [letters(tb.headers.length), count + 1];
    filters.push(sheetRange(names[k], `A1:${last}${bottom}`));
    const ws = wb.addWorksheet(names[k], printSetup(tb.caption ?? '', `A1:${last}${bottom}`, landscape));
    ws.columns = cols.map((w, j) => ({ width: w, ...(wrap[j] ? { style: { alignment: { wrapText: true, vertical: 'top' } } } : {}) }));
    headerRow(ws.getRow(1), tb.headers);
    let n = 2;
    for (const r of tb.rows) {
      const row = ws.getRow(n++);
      r.forEach((c, j) => setCell(row.getCell(j + 1), c));
      const height = rowHeight(r, cols, wrap);
      if (height) row.height = height;
      row.commit();
    }
    ws.commit();
  });
  nameFilters(wb, filters);
  return await finish();
}
