// What the workbooks of a document share: sheet names Excel accepts, cells
// typed as numbers, dates and text (never a formula), columns as wide as
// their cells, and rows as tall as their wrapped lines.
import type ExcelJS from 'exceljs';
import { HEAD_FILL } from './workbook.js';
import { cellText, type CellValue } from '../doc.js';
import { width } from './text.js';
import { FORMULA_START } from './csv.js';
import { printable } from '../../core/text.js';

/**
 * A sheet's name from its table's caption, less what the caption says in
 * brackets (the page header keeps it whole). Excel forbids : \ / ? * [ ] in
 * sheet names, cuts them at 31 characters and wants each unique; ' would
 * break a print-titles reference.
 */
export function sheetNamer(): (title: string) => string {
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

export function setCell(cell: ExcelJS.Cell, c: CellValue): void {
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
export const WRAP_AT = 40;
const WIDEST = 50;
export const PROSE_AT = 64;
/** Half-width characters an A4 portrait page holds at Excel's default size: wider tables print landscape. */
export const PORTRAIT_CHARS = 100;
/** Points a line of text takes at Excel's default size. */
export const LINE_PT = 15;
/** Header and footer codes: & is their escape character. */
export const hf = (s: string) => printable(s).replace(/&/g, '&&');

/**
 * How tall a row must be for its wrapped cells, or undefined for one line.
 * Excel fits such a row itself when it opens the file, LibreOffice does not:
 * its second line would print over the next row.
 */
export function rowHeight(r: CellValue[], cols: number[], wrap: boolean[]): number | undefined {
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
export const letters = (n: number): string => (n > 26 ? letters(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

/** Each column's width in characters: as wide as its widest cell, running text up to WRAP_AT (PROSE_AT when it is the only column), anything else up to WIDEST; and whether it wraps. */
export function columnWidths(tb: { headers: string[]; rows: Iterable<CellValue[]>; wrap?: number[] }): { cols: number[]; wrap: boolean[]; count: number } {
  const widths = tb.headers.map((h) => width(h));
  let count = 0;
  for (const r of tb.rows) {
    count++;
    r.forEach((c, j) => (widths[j] = Math.max(widths[j], width(cellText(c)))));
  }
  const running = tb.headers.map((_, j) => tb.wrap?.includes(j) === true);
  const cols = widths.map((w, j) => Math.min(running[j] ? (tb.headers.length === 1 ? PROSE_AT : WRAP_AT) : WIDEST, Math.max(8, w + 2)));
  return { cols, wrap: cols.map((w, j) => running[j] || widths[j] + 2 > w), count };
}

/** A table's header row: bold on the shaded fill, ruled underneath, wrapping. */
export function headerRow(row: ExcelJS.Row, headers: string[]): void {
  headers.forEach((h, j) => {
    const cell = row.getCell(j + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEAD_FILL;
    cell.border = { bottom: { style: 'thin' } };
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  row.commit();
}

/** A range of a sheet as a defined name holds it: 'Sheet'!$A$1:$F$20. */
export const sheetRange = (sheet: string, range: string) => `'${sheet}'!${range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;

/**
 * LibreOffice shows a sheet's filter only when the workbook names its range
 * _xlnm._FilterDatabase, as Excel's own files do (exceljs #2778). Such a name
 * belongs to its sheet, which exceljs's defined names cannot say: the
 * workbook is given the list it writes instead. `filters[k]` is sheet k's
 * (null: none).
 */
export function nameFilters(wb: ExcelJS.stream.xlsx.WorkbookWriter, filters: (string | null)[]): void {
  const model = filters.flatMap((ref, k) => (ref === null ? [] : [{ name: '_xlnm._FilterDatabase', localSheetId: k, ranges: [ref] }]));
  Object.defineProperty(wb.definedNames, 'model', { get: () => model });
}
