// A cell as the sheet reader gives it (sheet-xml.ts) → the value a record takes, by what its column
// holds (fields.ts): dates from date cells, Excel serial numbers or text;
// numbers from numbers or numeric text; a formula by its cached value; codes
// only as text (a code Excel turned into a number has lost its leading zeros).
// Text is read as people type it: full-width digits and letters, and dates
// written with dots, slashes or 年月日.
import type { Msg } from '../../core/messages/index.js';
import type { Kind } from './fields.js';
import { suggestDate } from '../../core/dates.js';
import { halfWidth, refusedChar } from '../../core/text.js';

/** What a cell held, as Excel shows it (sheet-xml.ts): a formula by its result; `bad`, a value its type cannot hold. */
export type Plain = string | number | boolean | Date | { error: string } | { formula: true } | { bad: string } | null;

/** A blank cell: text comes trimmed from the sheet (sheet-xml.ts). */
export const isBlank = (p: Plain) => p === null || p === '';

/** A cell's value as messages show it. */
export function shown(p: Plain): string {
  if (p === null) return '';
  if (p instanceof Date) return isoDate(p);
  if (typeof p === 'object') return 'error' in p ? p.error : 'bad' in p ? p.bad : '=…';
  return String(p);
}

/** A date cell is a Date at UTC midnight of its day (sheet-xml.ts). */
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Excel's serial day numbers (1900 system) that are plausible dates: 1900-01-01 to 9999-12-31. */
const SERIAL_MAX = 2_958_465;

function fromSerial(n: number, date1904: boolean): string {
  // A workbook of the 1904 date system (Excel for Mac's old default) counts from 1904-01-01.
  if (date1904) return isoDate(new Date(Date.UTC(1904, 0, 1) + n * 86_400_000));
  // Day 60 is Excel's 1900-02-29, which never was; serials from 61 on count from 1899-12-30.
  const epoch = Date.UTC(1899, 11, n < 61 ? 31 : 30);
  return isoDate(new Date(epoch + n * 86_400_000));
}

export type Cell = { ok: true; value: unknown } | { ok: false; msg: Msg; code: string };

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** The value a record takes from a non-blank cell of a column holding `kind`; `date1904`: the workbook counts its days from 1904. */
export function cellValueOf(p: Exclude<Plain, null>, kind: Kind, date1904 = false): Cell {
  if (p instanceof Date) return { ok: true, value: isoDate(p) };
  if (typeof p === 'object') {
    if ('error' in p) return { ok: false, code: 'cell', msg: { id: 'cell_error', params: { value: p.error } } };
    if ('bad' in p) return { ok: false, code: 'cell', msg: { id: 'cell_malformed', params: { value: p.bad.slice(0, 40) } } };
    return { ok: false, code: 'cell', msg: { id: 'formula_no_value' } };
  }
  // The characters a YAML file may not hold, a workbook may not either.
  const refused = typeof p === 'string' ? refusedChar(p) : null;
  if (refused) return { ok: false, code: 'control_char', msg: { id: 'control_char', params: { char: refused } } };
  switch (kind) {
    case 'code':
      if (typeof p === 'number') return { ok: false, code: 'type', msg: { id: 'code_number', params: { value: String(p) } } };
      // Ｄ０１ typed with a Chinese input method is D01.
      return { ok: true, value: halfWidth(String(p)).trim() };
    case 'date':
      // A serial day, with a time of day or not, in a cell not formatted as a date.
      if (typeof p === 'number' && p >= 1 && p <= SERIAL_MAX) return { ok: true, value: fromSerial(Math.floor(p), date1904) };
      // A date typed as text as people type it (2011.7.5, 2011/7/12, 2011年7月20日, 2011-7-31, in full-width digits too).
      if (typeof p === 'string') return { ok: true, value: suggestDate(halfWidth(p)) ?? p.trim() };
      return { ok: true, value: p };
    case 'number':
    case 'integer': {
      const text = typeof p === 'string' ? halfWidth(p).trim() : null;
      if (text !== null && NUMBER.test(text)) return { ok: true, value: Number(text) };
      return { ok: true, value: typeof p === 'string' ? p.trim() : p };
    }
    case 'enum':
      // 党 委, 党支部　(a full-width space), a line break typed in the cell: whitespace inside an enumeration is ignored (SPEC §1).
      return { ok: true, value: typeof p === 'string' ? p.replace(/\s+/g, '') : p };
    case 'bool':
      if (typeof p === 'boolean') return { ok: true, value: p };
      if (p === 1 || p === 0) return { ok: true, value: p === 1 };
      if (typeof p === 'string' && /^(true|false)$/i.test(p.trim())) return { ok: true, value: p.trim().toLowerCase() === 'true' };
      return { ok: true, value: typeof p === 'string' ? p.trim() : p };
    default:
      // Text comes trimmed as the sheet is read, or whole from a workbook cxzy exported (sheet-xml.ts).
      return { ok: true, value: typeof p === 'string' ? p : String(p) };
  }
}
