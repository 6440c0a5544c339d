// A notice (the bulletin) as a workbook that prints as the Word file does:
// first the notice's text on a sheet as wide as an A4 page, then one sheet per
// attachment, named 附件1…附件N as the notice names them, each holding its
// tables one under another (caption, header, rows), fitted to the page's
// width. The tables keep their numbers and dates typed; a city's hundreds of
// thousands of rows stream through, measured in one pass and written in the
// next.
import type ExcelJS from 'exceljs';
import { chartTable, spansText, type Doc, type DocSection, type DocTable } from '../doc.js';
import { t } from '../i18n/index.js';
import { a4Page } from './workbook.js';
import {
  columnWidths,
  headerRow,
  hf,
  letters,
  LINE_PT,
  nameFilters,
  PORTRAIT_CHARS,
  PROSE_AT,
  rowHeight,
  setCell,
  sheetNamer,
  sheetRange,
} from './xlsx-cells.js';

type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;
type Style = { bold?: boolean; size?: number; red?: boolean; align?: 'center' | 'right' };

/** The page: A4, fitted to its width however many pages long, numbered — N — at the foot, with the notice's own margins. */
const page = (header: string, landscape: boolean): Partial<ExcelJS.AddWorksheetOptions> =>
  a4Page({
    landscape,
    header: header ? `&C${hf(header)}` : '',
    footer: '&C— &P —',
    margins: { left: 0.6, right: 0.6, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  }) as Partial<ExcelJS.AddWorksheetOptions>;

/** The notice's text, a line or paragraph a row, in one column as wide as the page: head, body, 附件 list, signature, 版记. */
function noticeSheet(wb: Workbook, name: string, doc: Doc): void {
  const n = doc.notice!;
  const lines: [string, Style][] = [
    [n.issuer, { bold: true, size: 16, red: true, align: 'center' }],
    ...(n.number ? [[n.number, { align: 'center' }] as [string, Style]] : []),
    [n.title, { bold: true, size: 16, align: 'center' }],
    [n.to, {}],
    ...doc.sections
      .filter((s) => s.attachment === undefined)
      .flatMap((s) => [
        ...(s.title ? [[s.title, { bold: true }] as [string, Style]] : []),
        ...s.parts.flatMap((p) => (p.kind === 'para' ? [[`　　${spansText(p.spans)}`, {}] as [string, Style]] : [])),
      ]),
    ['', {}],
    ...n.attachments.map((a, i): [string, Style] => [`${i === 0 ? n.label : '　'.repeat([...n.label].length)}${i + 1}. ${a}`, {}]),
    ['', {}],
    [n.issuer, { align: 'right' }],
    [n.date, { align: 'right' }],
    ...(n.imprint
      ? [
          ...(n.imprint.cc ? [[`${n.imprint.ccLabel}${n.imprint.cc}`, {}] as [string, Style]] : []),
          [`${n.imprint.printer}　${n.imprint.printed}`, {}] as [string, Style],
        ]
      : []),
  ];
  const ws = wb.addWorksheet(name, page('', false));
  ws.columns = [{ width: PROSE_AT, style: { alignment: { wrapText: true, vertical: 'top' } } }];
  lines.forEach(([text, style], k) => {
    const row = ws.getRow(k + 1);
    const cell = row.getCell(1);
    setCell(cell, { t: 'text', v: text });
    cell.font = { bold: style.bold, size: style.size, ...(style.red ? { color: { argb: 'FFC00000' } } : {}) };
    cell.alignment = { wrapText: true, vertical: 'top', horizontal: style.align ?? 'left' };
    const height = rowHeight([{ t: 'text', v: text }], [style.size ? PROSE_AT * (11 / style.size) : PROSE_AT], [true]);
    if (height || style.size) row.height = Math.max(height ?? LINE_PT, style.size ? style.size * 1.5 : 0);
    row.commit();
  });
  ws.commit();
}

const tablesOf = (s: DocSection): DocTable[] => s.parts.flatMap((p) => (p.kind === 'table' ? [p.table] : p.kind === 'chart' ? [chartTable(p.chart)] : []));

/**
 * Where the first table of an attachment with rows lies: its header's row and
 * its last row, as attachmentSheet lays them out (the label, the title, then
 * each table after a blank row, under its caption).
 */
function firstTableRows(tables: DocTable[], counts: number[]): { top: number; bottom: number; width: number } | null {
  let n = 3;
  for (const [k, tb] of tables.entries()) {
    n += 1 + (tb.caption === undefined ? 0 : 1);
    if (counts[k] > 0) return { top: n, bottom: n + counts[k], width: tb.headers.length };
    n += 1;
  }
  return null;
}

/** One attachment: 附件N and its name, then each table under its caption, a blank row between them; its first table filtered. Returns that filter's range. */
function attachmentSheet(wb: Workbook, name: string, s: DocSection): string | null {
  const tables = tablesOf(s);
  const measured = tables.map(columnWidths);
  // The sheet's columns serve every table: each as wide as the widest that needs it.
  const cols = measured.reduce<number[]>((w, m) => m.cols.map((c, j) => Math.max(c, w[j] ?? 0)).concat(w.slice(m.cols.length)), []);
  const [label, ...rest] = s.title.split(/[　:：]\s*/);
  // A sheet holds one filter, as the table workbooks' do: its first table's, header and every row, so sorting moves whole records.
  const at = firstTableRows(
    tables,
    measured.map((m) => m.count),
  );
  const filter = at && `A${at.top}:${letters(at.width)}${at.bottom}`;
  const ws = wb.addWorksheet(name, { ...page(rest.join(' '), cols.reduce((a, b) => a + b, 0) > PORTRAIT_CHARS), ...(filter ? { autoFilter: filter } : {}) });
  ws.columns = cols.map((w) => ({ width: w, style: { alignment: { vertical: 'top' } } }));
  let n = 1;
  const text = (v: string, font: Partial<ExcelJS.Font>) => {
    const row = ws.getRow(n++);
    setCell(row.getCell(1), { t: 'text', v });
    row.getCell(1).font = font;
    row.commit();
  };
  text(label, { bold: true, size: 14 });
  text(rest.join(' '), { bold: true, size: 16 });
  tables.forEach((tb, k) => {
    n++;
    if (tb.caption !== undefined) text(tb.caption, { bold: true });
    if (measured[k].count === 0) return text(tb.none ?? '', {});
    headerRow(ws.getRow(n++), tb.headers);
    const wrap = measured[k].wrap;
    for (const r of tb.rows) {
      const row = ws.getRow(n++);
      r.forEach((c, j) => {
        setCell(row.getCell(j + 1), c);
        if (wrap[j]) row.getCell(j + 1).alignment = { wrapText: true, vertical: 'top' };
      });
      const height = rowHeight(r, cols, wrap);
      if (height) row.height = height;
      row.commit();
    }
  });
  ws.commit();
  return filter && sheetRange(name, filter);
}

/** The notice's workbook: the notice, then 附件1…附件N. */
export function noticeWorkbook(wb: Workbook, doc: Doc): void {
  const n = doc.notice!;
  wb.title = n.title;
  const name = sheetNamer();
  noticeSheet(wb, name(t(doc.lang, 'bulletin_sheet')), doc);
  const filters = [null, ...doc.sections.filter((x) => x.attachment !== undefined).map((s) => attachmentSheet(wb, name(s.title.split(/[　:：]/)[0]), s))];
  nameFilters(wb, filters);
}
