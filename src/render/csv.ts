// A document's table as CSV for Excel: a BOM so Excel reads it as UTF-8,
// records a thousand at a time (a city lists 750,000 members).
import { stringify } from 'csv-stringify/sync';
import { cellText, docTables, type Doc } from './doc.js';

const CHUNK = 1000;

/** The first table of `doc` as CSV text, in pieces. */
export function* csvPieces(doc: Doc): Generator<string> {
  const t = docTables(doc)[0];
  if (!t) return;
  yield '\ufeff';
  let chunk: string[][] = [t.headers];
  for (const r of t.rows) {
    chunk.push(r.map(cellText));
    if (chunk.length === CHUNK) {
      yield stringify(chunk);
      chunk = [];
    }
  }
  if (chunk.length) yield stringify(chunk);
}
