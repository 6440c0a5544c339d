// A document as an Excel workbook, one table per sheet so that each can be
// sorted, filtered and printed: the header in row 1, frozen, with a filter;
// A4, fitted to the page's width, the header repeated on every printed page
// and the table's caption at the head of each. A document with a title (the
// bulletin) opens with a sheet of its text and its tables' names.
// Numbers stay numbers and dates dates; text that Excel could take for a
// formula is stored as text.
import type ExcelJS from 'exceljs';
import { HEAD_FILL, streamingWorkbook } from './workbook.js';
import { cellText, chartTable, spansText, type CellValue, type Doc } from './doc.js';
import { width } from './text.js';
import { FORMULA_START } from './csv.js';
import { printable } from '../core/text.js';

/**
 * A sheet's name from its table's caption, less what the caption says in
 * brackets (the page header keeps it whole). Excel forbids : \ / ? * [ ] in
 * sheet names, cuts them at 31 characters and wants each unique; ' would
 * break a print-titles reference.
 */
function sheetNamer(): (title: string) => string {
  const used = new Set<string>();
  return (title) => {
    const short = title.replace(/\s*[（(][^（()）]*[)）]\s*$/, '') || title;
    const base =
      printable(short)
        .replace(/[:\\/?*[\]']/g, ' ')
        .trim()
        .slice(0, 31) || 'Sheet';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 2)}(${n})`;
    used.add(name.toLowerCase());
    return name;
  };
}

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

/** Columns of running text wrap at this width; others are as wide as their widest cell, up to WIDEST, and wrap past it. */
const WRAP_AT = 40;
const WIDEST = 50;
const PROSE_AT = 90;
/** Half-width characters an A4 portrait page holds at Excel's default size: wider tables print landscape. */
const PORTRAIT_CHARS = 100;
/** Points a line of text takes at Excel's default size. */
const LINE_PT = 15;
/** Header and footer codes: & is their escape character. */
const hf = (s: string) => printable(s).replace(/&/g, '&&');

/**
 * How tall a row must be for its wrapped cells, or undefined for one line.
 * Excel fits such a row itself when it opens the file, LibreOffice does not:
 * its second line would print over the next row.
 */
function rowHeight(r: CellValue[], cols: number[], wrap: boolean[]): number | undefined {
  let lines = 1;
  r.forEach((c, j) => {
    if (!wrap[j] || c === null) return;
    // A CJK character is some two digits wide, a little more in Excel's fonts: two columns' slack keeps the last line in.
    const n = cellText(c)
      .split('\n')
      .reduce((sum, l) => sum + Math.max(1, Math.ceil(width(l) / (cols[j] - 2))), 0);
    lines = Math.max(lines, n);
  });
  return lines > 1 ? lines * LINE_PT : undefined;
}

/** A column's letters: 1 → A, 27 → AA. */
const letters = (n: number): string => (n > 26 ? letters(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

function printSetup(caption: string, filter: string, landscape: boolean): Partial<ExcelJS.WorksheetProperties> & Record<string, unknown> {
  return {
    pageSetup: {
      paperSize: 9,
      orientation: landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddHeader: `&C&B${hf(caption)}`, oddFooter: '&C&P / &N' },
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    autoFilter: filter,
  };
}

/**
 * LibreOffice shows a sheet's filter only when the workbook names its range
 * _xlnm._FilterDatabase, as Excel's own files do (exceljs #2778). Such a name
 * belongs to its sheet, which exceljs's defined names cannot say: the
 * workbook is given the list it writes instead. `filters[k]` is sheet k's.
 */
function nameFilters(wb: ExcelJS.stream.xlsx.WorkbookWriter, filters: string[]): void {
  const model = filters.map((ref, k) => ({ name: '_xlnm._FilterDatabase', localSheetId: k, ranges: [ref] }));
  Object.defineProperty(wb.definedNames, 'model', { get: () => model });
}

/**
 * Written row by row with exceljs's streaming writer: a city's bulletin has
 * some 400,000 table rows, which the in-memory workbook took two minutes and
 * 3.5 GB to build.
 */
export async function renderXlsx(doc: Doc): Promise<Buffer> {
  const { wb, finish } = await streamingWorkbook();
  wb.title = doc.notice?.title ?? doc.title ?? '';
  const name = sheetNamer();
  const tables = doc.sections.flatMap((s) =>
    s.parts.flatMap((p) => (p.kind === 'table' ? [{ ...p.table, caption: p.table.caption ?? s.title }] : p.kind === 'chart' ? [chartTable(p.chart)] : [])),
  );
  const names = tables.map((tb) => name(tb.caption ?? ''));

  // The notice's text first, as a one-column table like the rest (so every sheet filters and prints alike), then what the other sheets are.
  if (doc.notice || doc.title) {
    const prose = doc.sections.flatMap((s) => [
      ...(s.title && s.attachment === undefined ? [s.title] : []),
      ...s.parts.flatMap((p) => (p.kind === 'para' ? [spansText(p.spans)] : [])),
    ]);
    const n = doc.notice;
    const lines = [
      ...(n ? [n.issuer, ...(n.number ? [n.number] : [])] : []),
      doc.title ?? '',
      ...(n ? [n.to] : []),
      ...prose,
      ...(n ? [n.date] : []),
      doc.lang === 'zh' ? '本工作簿各表：' : 'Sheets in this workbook:',
      ...names,
    ];
    const head = doc.lang === 'zh' ? '通报' : 'Bulletin';
    tables.unshift({ caption: doc.title ?? head, headers: [head], rows: lines.map((l) => [{ t: 'text', v: l }]), wrap: [0] });
    names.unshift(name(head));
  }

  const filters: string[] = [];
  tables.forEach((tb, k) => {
    // Widths come first (a streamed sheet writes its columns before its rows): one pass to measure, one to write, never all rows held.
    const widths = tb.headers.map((h) => width(h));
    let count = 0;
    for (const r of tb.rows) {
      count++;
      r.forEach((c, j) => (widths[j] = Math.max(widths[j], width(cellText(c)))));
    }
    // Running text wraps at WRAP_AT, or across the page when it is the table's only column; any other text too wide for its column wraps too (grade's notes, --explain).
    const running = tb.headers.map((_, j) => tb.wrap?.includes(j) === true);
    const cols = widths.map((w, j) => Math.min(running[j] ? (tb.headers.length === 1 ? PROSE_AT : WRAP_AT) : WIDEST, Math.max(8, w + 2)));
    const wrap = cols.map((w, j) => running[j] || widths[j] + 2 > w);
    const landscape = cols.reduce((a, b) => a + b, 0) > PORTRAIT_CHARS;
    // The filter spans the header and every row, so sorting moves whole records.
    const [last, bottom] = [letters(tb.headers.length), count + 1];
    filters.push(`'${names[k]}'!$A$1:$${last}$${bottom}`);
    const ws = wb.addWorksheet(names[k], printSetup(tb.caption ?? '', `A1:${last}${bottom}`, landscape) as unknown as Partial<ExcelJS.AddWorksheetOptions>);
    ws.columns = cols.map((w, j) => ({ width: w, ...(wrap[j] ? { style: { alignment: { wrapText: true, vertical: 'top' } } } : {}) }));
    const header = ws.getRow(1);
    tb.headers.forEach((h, j) => {
      const cell = header.getCell(j + 1);
      cell.value = h;
      cell.font = { bold: true };
      cell.fill = HEAD_FILL;
      cell.border = { bottom: { style: 'thin' } };
      cell.alignment = { wrapText: true, vertical: 'middle' };
    });
    header.commit();
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
