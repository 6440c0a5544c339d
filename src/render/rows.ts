// One table of rows in the formats `--format` offers for grade, stars and quota.
import { stringify } from 'csv-stringify/sync';
import { renderTable, type Align, type Cell } from './table.js';

export type RowFormat = 'table' | 'csv' | 'md';

export function renderRows(format: RowFormat, headers: string[], rows: (string | Cell)[][], align: Align[] = []): string {
  const plain = rows.map((r) => r.map((c) => (typeof c === 'string' ? c : c.text)));
  switch (format) {
    case 'table':
      return renderTable(headers, rows, align);
    case 'csv':
      return stringify([headers, ...plain]).trimEnd();
    case 'md': {
      const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
      const line = (r: string[]) => `| ${r.map(esc).join(' | ')} |`;
      const rule = `|${align.length ? headers.map((_, i) => (align[i] === 'right' ? ' ---: ' : ' --- ')).join('|') : headers.map(() => ' --- ').join('|')}|`;
      return [line(headers), rule, ...plain.map(line)].join('\n');
    }
  }
}
