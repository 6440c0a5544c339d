// One table of rows in the formats `--format` offers for grade, stars and quota.
import { stringify } from 'csv-stringify/sync';
import { tableLines, type Align, type TableRow } from './table.js';

export type RowFormat = 'table' | 'csv' | 'md';

export function renderRows(format: RowFormat, headers: string[], rows: Iterable<TableRow>, align: Align[] = []): string {
  return [...rowLines(format, headers, rows, align)].join('\n');
}

const plain = (r: TableRow) => r.map((c) => (typeof c === 'string' ? c : c.text));
const CSV_CHUNK = 1000;

/** The rows' lines in `format`; `rows` may be walked twice (see tableLines). */
export function* rowLines(format: RowFormat, headers: string[], rows: Iterable<TableRow>, align: Align[] = []): Generator<string> {
  switch (format) {
    case 'table':
      return yield* tableLines(headers, rows, align);
    case 'csv': {
      // Records a thousand at a time; each ends in a newline, cut here because the caller ends lines.
      let chunk: string[][] = [headers];
      const flush = () => stringify(chunk).slice(0, -1);
      for (const r of rows) {
        chunk.push(plain(r));
        if (chunk.length === CSV_CHUNK) {
          yield flush();
          chunk = [];
        }
      }
      if (chunk.length) yield flush();
      return;
    }
    case 'md': {
      const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
      const line = (r: string[]) => `| ${r.map(esc).join(' | ')} |`;
      yield line(headers);
      yield `|${align.length ? headers.map((_, i) => (align[i] === 'right' ? ' ---: ' : ' --- ')).join('|') : headers.map(() => ' --- ').join('|')}|`;
      for (const r of rows) yield line(plain(r));
    }
  }
}
