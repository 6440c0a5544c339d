// `validate --annotate`: a workbook with errors, copied with every error cell
// filled red and carrying its message as a note, an 错误 column at the end of
// each sheet saying what is wrong with each row, and a sheet listing every
// error — to send back to the branch as it is.
import type ExcelJS from 'exceljs';
import type { Diagnostic } from '../../core/diagnostic.js';
import { groupBy } from '../../core/collections.js';
import { loadExcel } from '../../read/workbook/excel.js';
import { t, tm, type Lang } from '../i18n/index.js';
import { HEAD_FILL, printOnA4, printOptions, streamingWorkbook } from '../formats/workbook.js';
import { openWorkbook } from '../../read/workbook/open.js';

const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const ERROR_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };
/** Error cells that get a note. */
const MAX_NOTES = 1000;
/** Errors in the list sheet: the cells are marked and the rows say what is wrong, every one. */
const MAX_LISTED = 10_000;

/**
 * Cells past which a workbook is not copied: exceljs holds a workbook whole,
 * about 2 KB a cell (100,000 rows of 8 columns took 1.7 GB). Such a workbook
 * gets the list of its errors alone, which takes little whatever its size.
 */
export const MAX_ANNOTATED_CELLS = 300_000;

/**
 * Why a workbook got the list of its errors alone, not a marked copy: too
 * large to copy; parts a copy would lose (a chart, a pivot table, a form
 * control, threaded comments, macros); or a copy could not be made of it.
 */
export type ListOnly = { why: 'large'; cells: number } | { why: 'parts'; parts: string[] } | { why: 'unreadable'; reason: string };

/** What annotateXlsx wrote: the marked copy, or the list of errors alone, and why. */
export interface Annotated {
  bytes: Buffer;
  listOnly: ListOnly | null;
}

/** The filled cells of the workbook at `path`, read as the import reads them (streamed, in bounded memory). */
async function filledCells(path: string): Promise<number> {
  let n = 0;
  for await (const sheet of openWorkbook(path)) for await (const row of sheet.rows()) for (const v of row.values) if (v !== null && v !== undefined) n++;
  return n;
}

/** Parts exceljs does not carry into a copy: the branch's copy would come back without them. */
const LOST_PARTS: [RegExp, string][] = [
  [/^xl\/charts\//, 'chart'],
  [/^xl\/pivot(Tables|Cache)\//, 'pivot'],
  [/^xl\/ctrlProps\/|^xl\/activeX\//, 'control'],
  [/^xl\/threadedComments\//, 'threaded'],
  [/^xl\/vbaProject\.bin$/, 'macro'],
  [/^xl\/(slicers|slicerCaches|timelines)\//, 'slicer'],
];

async function lostParts(path: string): Promise<string[]> {
  // Loaded here: an import that annotates nothing should not pay for it at start.
  const { default: unzipper } = await import('unzipper');
  const dir = await unzipper.Open.file(path);
  const found = new Set<string>();
  for (const f of dir.files) for (const [re, kind] of LOST_PARTS) if (re.test(f.path)) found.add(kind);
  return [...found];
}

/** The workbook at `path` with `errors` (all of one file's, each placed at a cell) marked; or the list of its errors, and why. */
export async function annotateXlsx(path: string, errors: Diagnostic[], lang: Lang): Promise<Annotated> {
  const listOnly = async (why: ListOnly): Promise<Annotated> => ({ bytes: await errorList(errors, lang), listOnly: why });
  let cells: number;
  let parts: string[];
  try {
    cells = await filledCells(path);
    parts = await lostParts(path);
  } catch (e) {
    return listOnly({ why: 'unreadable', reason: (e as Error).message });
  }
  if (cells > MAX_ANNOTATED_CELLS) return listOnly({ why: 'large', cells });
  if (parts.length) return listOnly({ why: 'parts', parts });
  try {
    return { bytes: await markedCopy(path, errors, lang), listOnly: null };
  } catch (e) {
    // exceljs fails on parts it does not know (comments where openpyxl puts them): the list still goes back.
    return listOnly({ why: 'unreadable', reason: (e as Error).message });
  }
}

/** Excel's most characters in a cell: text past it is cut, the cut marked. */
const CELL_MAX = 32_767;
const withinCell = (s: string) => (s.length > CELL_MAX ? `${s.slice(0, CELL_MAX - 1)}…` : s);

/** The field as the sheet names it (its header, as the branch reads it), else its path, with the message. */
const messageOf = (lang: Lang) => (d: Diagnostic) => {
  const field = d.cell?.header ? d.cell.header.replace(/\*$/, '') : d.path;
  return field ? `${field}: ${tm(lang, d.msg)}` : tm(lang, d.msg);
};

/** The list sheet's columns, and each error's row. */
const listColumns = (lang: Lang) => [
  { header: t(lang, 'an_h_sheet'), width: 14 },
  { header: t(lang, 'an_h_cell'), width: 8 },
  { header: t(lang, 'an_h_column'), width: 16 },
  { header: t(lang, 'an_h_value'), width: 20 },
  { header: t(lang, 'an_h_error'), width: 80 },
];
const listRow = (d: Diagnostic, message: (d: Diagnostic) => string) => [
  d.cell?.sheet ?? '',
  d.cell?.ref ?? '',
  withinCell(d.cell?.header ?? ''),
  withinCell(d.cell?.value ?? ''),
  withinCell(message(d)),
];

/** A workbook of the list sheet alone, written as it streams. */
async function errorList(errors: Diagnostic[], lang: Lang): Promise<Buffer> {
  const { wb, finish } = await streamingWorkbook();
  // A streamed sheet writes its page properties as it opens.
  const list = wb.addWorksheet(t(lang, 'an_sheet'), { views: [{ state: 'frozen', ySplit: 1 }], ...printOptions(5, 1) });
  list.columns = listColumns(lang);
  const head = list.getRow(1);
  head.font = { bold: true };
  head.fill = HEAD_FILL;
  head.commit();
  const message = messageOf(lang);
  for (const d of errors.slice(0, MAX_LISTED)) list.addRow(listRow(d, message)).commit();
  if (errors.length > MAX_LISTED) list.addRow(['', '', '', '', t(lang, 'errors_more', { n: errors.length - MAX_LISTED })]).commit();
  list.commit();
  return await finish();
}

async function markedCopy(path: string, errors: Diagnostic[], lang: Lang): Promise<Buffer> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  await wb.xlsx.readFile(path);
  const message = messageOf(lang);
  const placed = errors.filter((d) => d.cell);
  let notes = 0;
  for (const [sheet, list] of groupBy(placed, (d) => d.cell!.sheet)) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    const errorCol = errorColumn(ws, lang);
    if (errorCol !== null) {
      const head = ws.getCell(1, errorCol);
      head.value = t(lang, 'an_column');
      head.font = { bold: true, ...ERROR_FONT };
      head.fill = HEAD_FILL;
      ws.getColumn(errorCol).width = 60;
    }
    for (const [, atCell] of groupBy(list, (d) => d.cell!.ref)) {
      const cell = ws.getCell(atCell[0].cell!.ref);
      cell.fill = ERROR_FILL;
      cell.font = { ...(cell.font ?? {}), ...ERROR_FONT };
      // Past a thousand, notes only slow Excel (and the writing, quadratically): the row's column and the list say it all.
      if (notes++ < MAX_NOTES) cell.note = withinCell(atCell.map(message).join('\n'));
    }
    // A row's errors in words at its end; the header row's (a missing column) stay in the list.
    for (const [row, onRow] of groupBy(list, (d) => String(d.line))) {
      if (row === '1' || errorCol === null) continue;
      const cell = ws.getCell(Number(row), errorCol);
      cell.value = withinCell(onRow.map((d) => `${d.cell!.ref} ${message(d)}`).join('；'));
      cell.font = ERROR_FONT;
      cell.alignment = { wrapText: true, vertical: 'top' };
    }
  }
  // A copy annotated before, corrected in part and sent again: its old list goes.
  const old = wb.getWorksheet(t(lang, 'an_sheet'));
  if (old) wb.removeWorksheet(old.id);
  const list = wb.addWorksheet(t(lang, 'an_sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = listColumns(lang);
  list.getRow(1).font = { bold: true };
  list.getRow(1).fill = HEAD_FILL;
  for (const d of errors.slice(0, MAX_LISTED)) list.addRow(listRow(d, message));
  if (errors.length > MAX_LISTED) list.addRow(['', '', '', '', t(lang, 'errors_more', { n: errors.length - MAX_LISTED })]);
  // Sent back to be printed and corrected: each sheet fits the page's width (the branch's header row may sit under a title).
  for (const ws of wb.worksheets) printOnA4(ws, ws.columnCount, ws === list ? 1 : null);
  // The list opens first.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: wb.worksheets.indexOf(list), visibility: 'visible' }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Excel's last column, XFD. */
const LAST_COLUMN = 16_384;

/**
 * Where a sheet's errors go in words: the 错误 column an earlier annotation
 * added (emptied), else a new one after the last; none past Excel's last
 * column (the notes and the list still say it all).
 */
function errorColumn(ws: ExcelJS.Worksheet, lang: Lang): number | null {
  const header = t(lang, 'an_column');
  let found: number | null = null;
  ws.getRow(1).eachCell((cell, col) => {
    if (cell.value === header) found = col;
  });
  if (found !== null) {
    const col = found;
    ws.eachRow((row, n) => {
      if (n > 1) row.getCell(col).value = null;
    });
    return col;
  }
  return ws.columnCount < LAST_COLUMN ? ws.columnCount + 1 : null;
}
