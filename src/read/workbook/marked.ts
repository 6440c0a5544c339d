// Hidden and struck-through data rows, named (SPEC §3 "Import semantics").
import type { Diagnostic } from '../../core/diagnostic.js';
import type { ParsedSheet } from './sheet.js';

/** Row numbers as ranges, listed with commas (5-9,12): the message lists them as its language does. */
function rowRanges(rows: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    out.push(i === j ? `${rows[i]}` : `${rows[i]}-${rows[j]}`);
    i = j;
  }
  return out.join(',');
}

/**
 * The data rows a person may have meant to delete — hidden, or every cell's
 * text struck through — are read as any other, and named, one warning per
 * sheet and kind (SPEC §3): a clerk's way of deleting, or an old draft.
 */
export function markedRows(
  sheet: ParsedSheet,
  grid: { hidden: Set<number>; struck: Set<number> },
  warn: (sheet: string, row: number, code: string, msg: Diagnostic['msg']) => void,
): void {
  for (const [code, marked] of [
    ['rows_hidden', grid.hidden],
    ['rows_struck', grid.struck],
  ] as const) {
    const rows = sheet.rows.map((r) => r.row).filter((r) => marked.has(r));
    if (rows.length) warn(sheet.name, rows[0], code, { id: code, params: { sheet: sheet.name, rows: rowRanges(rows), n: rows.length } });
  }
}
