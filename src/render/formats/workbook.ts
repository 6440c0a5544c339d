// What every workbook cxzy writes for people to fill or read — the template,
// an export, an annotated copy — shares: a sheet's header row (bold, shaded,
// frozen), column widths by content, code columns as text (so 0101 stays
// 0101), date columns as dates, enumerations by their Chinese labels, and a
// print setup on A4.
import type ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { SheetDef } from '../../core/sections.js';
import { sheetFields, type FieldInfo } from '../../read/workbook/fields.js';
import { loadExcel } from '../../read/workbook/excel.js';

export const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

/** Columns past which a sheet prints across the page. */
const PORTRAIT_COLUMNS = 7;

/** A table's margins, in inches (a notice's are its own). */
const TABLE_MARGINS = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

export interface PageOptions {
  landscape: boolean;
  /** The row repeated at the head of every printed page. */
  titleRow?: number;
  /** The page's header and footer, in Excel's codes (&C, &P…); the footer defaults to "N / M". */
  header?: string;
  footer?: string;
  margins?: ExcelJS.Margins;
}

/**
 * How every sheet cxzy writes prints: A4, fitted to the page's width (as many
 * pages down as it takes), page numbers at the foot.
 */
export function a4Page(o: PageOptions): { pageSetup: Partial<ExcelJS.PageSetup>; headerFooter: Partial<ExcelJS.HeaderFooter> } {
  return {
    pageSetup: {
      paperSize: 9,
      orientation: o.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: o.margins ?? TABLE_MARGINS,
      ...(o.titleRow === undefined ? {} : { printTitlesRow: `${o.titleRow}:${o.titleRow}` }),
    },
    headerFooter: { ...(o.header === undefined ? {} : { oddHeader: o.header }), oddFooter: o.footer ?? '&C&P / &N' },
  };
}

/** A sheet to fill or read, across the page when it is wide, `titleRow` (its header) on every page. */
export const printOptions = (columns: number, titleRow: number | null) => a4Page({ landscape: columns > PORTRAIT_COLUMNS, titleRow: titleRow ?? undefined });

/** A sheet of `def` as it is made: its header row frozen, set up to print (a streamed sheet writes its page properties as it opens). */
export const sheetOptions = (def: SheetDef): Partial<ExcelJS.AddWorksheetOptions> => ({
  views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  ...printOptions(def.columns.length + (def.names?.length ?? 0), 1),
});

/** A sheet already made (read from a file, not streamed) set up to print. */
export function printOnA4(ws: ExcelJS.Worksheet, columns: number, titleRow: number | null = 1): void {
  const setup = printOptions(columns, titleRow);
  Object.assign(ws.pageSetup, setup.pageSetup);
  ws.headerFooter = { ...ws.headerFooter, ...setup.headerFooter };
}

/**
 * A workbook written row by row with exceljs's streaming writer (a city's
 * tables run to hundreds of thousands of rows), and the call that finishes it.
 */
export async function streamingWorkbook(): Promise<{ wb: ExcelJS.stream.xlsx.WorkbookWriter; finish: () => Promise<Buffer> }> {
  // exceljs takes a third of a second to load: only what writes a workbook pays for it.
  const Excel = await loadExcel();
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = 'cxzy';
  return {
    wb,
    finish: async () => {
      await wb.commit();
      return Buffer.concat(chunks);
    },
  };
}

/** An enumeration's or yes/no value by its Chinese label. */
export function labelOf(def: SheetDef, field: string, v: unknown): unknown {
  return sheetFields(def).get(field)?.labelOf?.[String(v)] ?? v;
}

/** Columns wide enough for their content: a code, a date, a name, a line of text. */
function width(label: string, f: FieldInfo | undefined): number {
  const base = f?.kind === 'text' && (f.maxLength ?? 0) >= 500 ? 40 : f?.kind === 'date' ? 12 : f?.kind === 'code' ? 14 : 10;
  return Math.max(base, [...label].length * 2 + 2);
}

/** A column's number format: text for codes (and text), a date format for dates. */
export function numFmt(f: FieldInfo | undefined): string | undefined {
  if (f?.kind === 'code' || f?.kind === 'text' || f?.kind === 'period') return '@';
  if (f?.kind === 'date') return 'yyyy-mm-dd';
  return undefined;
}

/** The header row and column formats of `def`'s sheet (its columns, then its name columns); `mark` marks required headers with *. */
export function styleSheet(ws: ExcelJS.Worksheet, def: SheetDef, mark = false): void {
  const fields = sheetFields(def);
  ws.columns = [
    ...def.columns.map((c) => {
      const f = fields.get(c.field);
      const fmt = numFmt(f);
      return { header: mark && f?.required ? `${c.label}*` : c.label, key: c.field, width: width(c.label, f), ...(fmt ? { style: { numFmt: fmt } } : {}) };
    }),
    ...(def.names ?? []).map((n) => ({ header: n.label, key: `#${n.label}`, width: 16, style: { numFmt: '@' } })),
  ];
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = HEAD_FILL;
  head.alignment = { vertical: 'middle' };
}
