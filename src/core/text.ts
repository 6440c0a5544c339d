// Characters that are not what they look like: full-width forms an input
// method types in Chinese mode, and control characters that can rewrite a
// terminal or reverse text. Data may not hold the latter; output escapes them.

/** Full-width ASCII forms (Ａ１：) and the ideographic space, as the half-width characters they stand for. */
export function halfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

export const hasFullWidth = (s: string) => /[\uff01-\uff5e\u3000]/.test(s);

/**
 * Characters refused in data: C0 and C1 controls but tab and newline, DEL,
 * the bidirectional overrides and isolates (which reorder what follows them),
 * the noncharacters U+FFFE and U+FFFF (no XML may hold them: a Word or Excel
 * file written with one would not open), and surrogate halves without their pair.
 */
const REFUSED = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first refused character of `s`, as U+XXXX; null when there is none. */
export function refusedChar(s: string): string | null {
  const m = REFUSED.exec(s);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}

const UNPRINTABLE =
  /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe to print: anything that is not printable is shown as \u{…}, so it cannot move the cursor, clear the screen or reverse what follows. */
export function printable(s: string): string {
  return s.replace(UNPRINTABLE, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

/** Characters no XML may hold (in text stored before cxzy refused them). */
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text for a workbook's cell: what no XML may hold written as OOXML escapes it
 * (_x0001_), and text that reads like such an escape kept literal (_x005F_),
 * as Excel writes them; Excel and cxzy read both back to the text.
 */
export const ooxmlText = (s: string): string =>
  s.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_').replace(NOT_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);

/**
 * The defined name `cxzy export` gives its workbooks: their text is the
 * store's, spaces at either end included, so the reader keeps it whole where
 * it trims what people type. Excel and WPS keep a defined name on saving.
 */
export const EXPORT_MARK = 'CXZY_EXPORT';
