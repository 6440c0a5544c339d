// A workbook's sheets, streamed one at a time, in the workbook's own order.
//
// exceljs's WorkbookReader walks the zip front to back; when sheets come
// before workbook.xml (as in files exceljs itself writes, and in many that
// Excel writes) it parks them in temporary files, and there it loses sheets
// and their names (seen here: 9 small sheets came out as 8 named Sheet1…8).
// So the zip is opened by its central directory (unzipper), the workbook,
// its relations, shared strings and styles are read first by exceljs's own
// parsers, and each sheet is then streamed through exceljs's sheet reader.
import unzipper from 'unzipper';
import type ExcelJS from 'exceljs';
import { loadExcel } from './excel.js';

/** One sheet: its name, whether hidden, its rows as exceljs reads them, and its XML stream (to watch for merged ranges). */
export interface OpenSheet {
  name: string;
  state: string;
  /** Replace to watch the XML pass by; read before the rows are. */
  iterator: AsyncIterable<Buffer | string>;
  rows(): AsyncIterable<ExcelJS.Row>;
}

/** The parts of exceljs's WorkbookReader used here: its parsers of each part, not its walk of the zip. */
interface ReaderParts {
  model: { sheets?: { name: string; state?: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncIterable<unknown>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorksheet(
    iterator: AsyncIterable<unknown>,
    sheetNo: string,
  ): Iterable<{ value: { name: string; state?: string; iterator: AsyncIterable<Buffer | string> } & AsyncIterable<ExcelJS.Row> }>;
}

interface Entry {
  path: string;
  stream(): NodeJS.ReadableStream;
}

/** The sheets of the workbook at `path`, in order; throws on a file that is not a workbook. */
export async function* openWorkbook(path: string): AsyncGenerator<OpenSheet> {
  const Excel = await loadExcel();
  const zip = (await unzipper.Open.file(path)) as { files: Entry[] };
  const entries = new Map(zip.files.map((f) => [f.path.replace(/^\//, ''), f]));
  const part = (p: string) => entries.get(p);
  const reader = new Excel.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as ReaderParts;
  const book = part('xl/workbook.xml');
  const rels = part('xl/_rels/workbook.xml.rels');
  if (!book || !rels) throw new Error('no xl/workbook.xml: not an Excel workbook');
  await reader._parseRels(rels.stream());
  await reader._parseWorkbook(book.stream());
  const strings = part('xl/sharedStrings.xml');
  if (strings) for await (const s of reader._parseSharedStrings(strings.stream())) void s;
  const styles = part('xl/styles.xml');
  if (styles) await reader._parseStyles(styles.stream());
  for (const [i, sheet] of (reader.model.sheets ?? []).entries()) {
    const target = reader.workbookRels?.find((r) => r.Id === sheet.rId)?.Target;
    if (!target) continue;
    const entry = part(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    if (!entry) continue;
    for (const { value: ws } of reader._parseWorksheet(entry.stream() as unknown as AsyncIterable<unknown>, String(i + 1))) {
      yield {
        name: sheet.name,
        state: sheet.state ?? 'visible',
        get iterator() {
          return ws.iterator;
        },
        set iterator(it) {
          ws.iterator = it;
        },
        rows: () => ws,
      };
    }
  }
}
