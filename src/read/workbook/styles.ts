// Which cells hold dates: a number is a date when its style's number format
// is one (Excel stores a date as a serial day and says so only by format).
import { local, strikes, type SaxEvent } from './sheet-xml.js';

type Tag = { name: string; attributes: Record<string, string> };

/**
 * Excel's built-in formats that are dates or times: 14–22, 45–47, and in
 * Chinese, Japanese and Korean Excel 27–36 and 50–58 (yyyy"年"m"月"d"日" …).
 */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A cell style's number format: a built-in id, or the format's code. */
export type NumberFormat = number | string | undefined;

/** What a cell style says of a cell: its number format, and whether its font strikes its text through. */
export interface CellStyles {
  formats: NumberFormat[];
  struck: boolean[];
}

/** The number format and strike of each cell style (the index a cell's s="…" gives), from styles.xml. */
export async function readStyles(events: AsyncIterable<SaxEvent[]>): Promise<CellStyles> {
  const codes = new Map<number, string>();
  const formats: NumberFormat[] = [];
  const fonts: boolean[] = [];
  const xfFonts: number[] = [];
  let where: 'fonts' | 'cellXfs' | null = null;
  for await (const batch of events) {
    for (const { eventType, value } of batch) {
      const { name: tag, attributes: a } = value as Tag;
      const name = typeof tag === 'string' ? local(tag) : '';
      if (eventType === 'opentag') {
        if (name === 'numFmt' && a.numFmtId !== undefined && a.formatCode !== undefined) codes.set(Number(a.numFmtId), a.formatCode);
        else if (name === 'cellXfs' || name === 'fonts') where = name;
        else if (name === 'font' && where === 'fonts') fonts.push(false);
        else if (name === 'strike' && where === 'fonts' && fonts.length) fonts[fonts.length - 1] = strikes(a);
        else if (name === 'xf' && where === 'cellXfs') {
          formats.push(Number(a.numFmtId ?? 0));
          xfFonts.push(Number(a.fontId ?? 0));
        }
      } else if (eventType === 'closetag' && (name === 'cellXfs' || name === 'fonts')) where = null;
    }
  }
  return {
    formats: formats.map((id) => (typeof id === 'number' && codes.has(id) ? codes.get(id) : id)),
    struck: xfFonts.map((f) => fonts[f] === true),
  };
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
