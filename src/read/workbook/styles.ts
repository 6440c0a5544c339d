// Which cells hold dates: a number is a date when its style's number format
// is one (Excel stores a date as a serial day and says so only by format).
import { local, type SaxEvent } from './sheet-xml.js';

type Tag = { name: string; attributes: Record<string, string> };

/**
 * Excel's built-in formats that are dates or times: 14–22, 45–47, and in
 * Chinese, Japanese and Korean Excel 27–36 and 50–58 (yyyy"年"m"月"d"日" …).
 */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A cell style's number format: a built-in id, or the format's code. */
export type NumberFormat = number | string | undefined;

/** The number format of each cell style (the index a cell's s="…" gives), from styles.xml. */
export async function readStyles(events: AsyncIterable<SaxEvent[]>): Promise<NumberFormat[]> {
  const codes = new Map<number, string>();
  const formats: NumberFormat[] = [];
  let inCellXfs = false;
  for await (const batch of events) {
    for (const { eventType, value } of batch) {
      const { name: tag, attributes: a } = value as Tag;
      const name = typeof tag === 'string' ? local(tag) : '';
      if (eventType === 'opentag') {
        if (name === 'numFmt' && a.numFmtId !== undefined && a.formatCode !== undefined) codes.set(Number(a.numFmtId), a.formatCode);
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) formats.push(Number(a.numFmtId ?? 0));
      } else if (eventType === 'closetag' && name === 'cellXfs') inCellXfs = false;
    }
  }
  return formats.map((id) => (typeof id === 'number' && codes.has(id) ? codes.get(id) : id));
}

/** Whether numbers in this format are dates: a date built-in, or a code with day, month, year or time parts outside quotes and brackets. */
export function isDateFormat(f: NumberFormat): boolean {
  if (f === undefined) return false;
  if (typeof f === 'number') return BUILT_IN_DATES.has(f);
  const bare = f
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '');
  return /[ymdhs]/i.test(bare) && !/^(General|@)$/i.test(bare.trim());
}
