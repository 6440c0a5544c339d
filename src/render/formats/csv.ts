// A document's table as CSV for Excel: a BOM so Excel reads it as UTF-8,
// records a thousand at a time (a city lists 750,000 members), and text that
// Excel would run as a formula made plain.
import { stringify } from 'csv-stringify/sync';
import { printable } from '../../core/text.js';
import { cellText, docTables, type CellValue, type Doc } from '../doc.js';

/** Text Excel would take for a formula or a DDE command when it opens the file. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as CSV text. Text starting like a formula gets a leading apostrophe,
 * as the OWASP advice has it, so Excel shows it and never runs it; numbers
 * (a negative one starts with -) are numbers.
 */
function csvCell(c: CellValue): string {
  const s = cellText(c);
  if (c?.t !== 'text' || !FORMULA_START.test(s)) return printable(s);
  return `'${printable(s)}`;
}

const CHUNK = 1000;

/** The first table of `doc` as CSV text, in pieces. */
export function* csvPieces(doc: Doc): Generator<string> {
  const t = docTables(doc)[0];
  if (!t) return;
  yield '\ufeff';
  let chunk: string[][] = [t.headers];
  for (const r of t.rows) {
    chunk.push(r.map(csvCell));
    if (chunk.length === CHUNK) {
      yield stringify(chunk);
      chunk = [];
    }
  }
  if (chunk.length) yield stringify(chunk);
}
