// A sheet's cells and its shared strings read from their XML as Excel shows
// them, in place of exceljs's sheet reader, which reads a phonetic guide
// (拼音 over 张三) instead of the text, keeps one run of a rich inline string,
// turns a t="d" date into a number, takes "95abc" for 95 and refuses cells
// written without their r="B3" (valid OOXML, as some generators write them).
// Every cell counts against the workbook's budget (limits.ts), as it streams.
import type { Plain } from './cells.js';
import { LimitError, type Budget } from './budget.js';

export type SaxEvent = { eventType: string; value: unknown };
type Tag = { name: string; attributes: Record<string, string> };

/** One row: its number, and its cells' values by column (1-based); whether it is hidden, and whether all its text is struck through. */
export interface XmlRow {
  number: number;
  values: Plain[];
  hidden: boolean;
  struck: boolean;
}

/** How a sheet's numbers are read: which styles are dates, and from which epoch. */
export interface SheetContext {
  strings: string[];
  /** Whether each shared string's text is all struck through (its rich runs'). */
  stringStruck: boolean[];
  isDate: (style: number) => boolean;
  /** Whether a cell style's font strikes its text through. */
  isStruck: (style: number) => boolean;
  date1904: boolean;
  /** Written by `cxzy export` (EXPORT_MARK): its text is the store's, spaces at either end included. */
  verbatim: boolean;
  budget: Budget;
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** OOXML's escape of a character XML cannot hold (_x000D_ for a carriage return). */
const unescapeXml = (s: string) => (s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))) : s);

/** A cell's text as Excel shows it: trimmed as people type it (SPEC §1), but whole in a workbook cxzy exported. */
const textOf = (raw: string, verbatim: boolean) => unescapeXml(verbatim ? raw : raw.trim());

/** Excel's serial day (and fraction) → the moment, as exceljs makes it: UTC. */
const fromSerial = (n: number, date1904: boolean) => new Date(Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** A <strike/> (or <strike val="1"/>) strikes text through; val="0" or "false" does not. */
export const strikes = (a: Record<string, string>) => a.val !== '0' && a.val !== 'false';

/** An element's name without its namespace prefix: some programs write <x:row>, <x:c>. */
export const local = (name: string) => (name.includes(':') ? name.slice(name.indexOf(':') + 1) : name);

/** Excel's last row and last column (XFD): a reference past them is no sheet Excel wrote. */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** "B12" → 2. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + c - 64;
  }
  return n;
}

/** The text of the <t> elements of one <si> or <is>, runs joined, phonetic guides (<rPh>) left out; whether all of it is struck through. */
class TextCollector {
  private depthT = 0;
  private phonetic = 0;
  /** The run being read strikes its text through (<r><rPr><strike/>). */
  private runStruck = false;
  text = '';
  /** Some text that is not blank in a run that does not strike it through. */
  private plainSeen = false;

  constructor(private readonly budget: Budget) {}

  open(name: string, attributes: Record<string, string> = {}): void {
    if (name === 'rPh') this.phonetic++;
    else if (name === 't' && this.phonetic === 0) this.depthT++;
    else if (name === 'r') this.runStruck = false;
    else if (name === 'strike') this.runStruck = strikes(attributes);
  }

  close(name: string): void {
    if (name === 'rPh') this.phonetic--;
    else if (name === 't' && this.phonetic === 0) this.depthT--;
    else if (name === 'r') this.runStruck = false;
  }

  add(s: string): void {
    if (this.depthT === 0) return;
    this.text = this.budget.text(this.text, s);
    if (!this.runStruck && s.trim() !== '') this.plainSeen = true;
  }

  /** Some text, and none of it outside struck runs. */
  get struck(): boolean {
    return !this.plainSeen && this.text.trim() !== '';
  }
}

/** The shared strings, each as Excel shows it, and whether each is all struck through. */
export async function sharedStrings(events: AsyncIterable<SaxEvent[]>, budget: Budget, verbatim: boolean): Promise<{ strings: string[]; struck: boolean[] }> {
  const out: string[] = [];
  const struck: boolean[] = [];
  let si: TextCollector | null = null;
  for await (const batch of events) {
    for (const { eventType, value } of batch) {
      if (eventType === 'text') si?.add(value as string);
      else if (eventType === 'opentag') {
        const name = local((value as Tag).name);
        if (name === 'si') si = new TextCollector(budget);
        else si?.open(name, (value as Tag).attributes);
      } else if (eventType === 'closetag') {
        const name = local((value as Tag).name);
        if (name === 'si' && si) {
          budget.cell();
          out.push(textOf(si.text, verbatim));
          struck.push(si.struck);
          si = null;
        } else si?.close(name);
      }
    }
  }
  return { strings: out, struck };
}

/** A cell being read: its column, type, style, and what its <v>, <f> and <is> held. */
interface OpenCell {
  col: number;
  t: string;
  s: number;
  formula: boolean;
  v: string | null;
  inline: TextCollector | null;
}

/** Whether a cell's text is struck through: by its style's font, or in every run of its rich text. */
function isStruck(c: OpenCell, ctx: SheetContext): boolean {
  if (ctx.isStruck(c.s)) return true;
  if (c.t === 'inlineStr') return c.inline?.struck === true;
  return c.t === 's' && c.v !== null && ctx.stringStruck[Number(c.v)] === true;
}

/** One cell's value by its type; a value its type cannot hold is { bad }. */
function cellValue(c: OpenCell, ctx: SheetContext): Plain {
  const v = c.v;
  if (c.t === 'inlineStr') return c.inline ? textOf(c.inline.text, ctx.verbatim) : v === null ? null : textOf(v, ctx.verbatim);
  if (v === null) return c.formula ? { formula: true } : null;
  switch (c.t) {
    case 's': {
      const s = ctx.strings[Number(v)];
      if (s === undefined || !/^\d+$/.test(v.trim())) return { bad: v };
      return s;
    }
    case 'str':
      return textOf(v, ctx.verbatim);
    case 'b':
      return v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : { bad: v };
    case 'e':
      return { error: v };
    case 'd': {
      const d = new Date(/^\d{4}-\d\d-\d\d$/.test(v) ? `${v}T00:00:00Z` : /[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
      return Number.isNaN(d.getTime()) ? { bad: v } : d;
    }
    default: {
      if (!NUMBER.test(v.trim())) return { bad: v };
      const n = Number(v);
      return ctx.isDate(c.s) ? fromSerial(n, ctx.date1904) : n;
    }
  }
}

/** A sheet's rows as they stream; `merges` gets each merged range (A2:A9) as it is met, after the rows. A limit passed says at which cell. */
export async function* sheetRows(events: AsyncIterable<SaxEvent[]>, ctx: SheetContext, merges: string[]): AsyncGenerator<XmlRow> {
  const at = { row: 0, col: 0 };
  try {
    yield* rowsOf(events, ctx, merges, at);
  } catch (e) {
    if (e instanceof LimitError) e.at = { ...e.at, row: at.row, col: at.col };
    throw e;
  }
}

/** sheetRows' reading; `at` follows the cell being read. */
async function* rowsOf(events: AsyncIterable<SaxEvent[]>, ctx: SheetContext, merges: string[], at: { row: number; col: number }): AsyncGenerator<XmlRow> {
  let row: XmlRow | null = null;
  // Of the row being read: cells with something in them, and of those the ones whose text is struck through.
  let filled = 0;
  let struck = 0;
  let lastRow = 0;
  let cell: OpenCell | null = null;
  let inV = false;
  for await (const batch of events) {
    const done: XmlRow[] = [];
    for (const { eventType, value } of batch) {
      if (eventType === 'text') {
        if (!cell) continue;
        if (inV) cell.v = ctx.budget.text(cell.v ?? '', value as string);
        else cell.inline?.add(value as string);
        continue;
      }
      const { attributes } = value as Tag;
      const name = local((value as Tag).name);
      if (eventType === 'opentag') {
        if (name === 'row') {
          // A row or a cell without its reference follows the one before it.
          lastRow = attributes.r ? Number.parseInt(attributes.r, 10) : lastRow + 1;
          if (!(lastRow >= 1 && lastRow <= MAX_ROW))
            throw new LimitError({ id: 'xlsx_bad_ref', params: { ref: (attributes.r ?? String(lastRow)).slice(0, 20) } });
          row = { number: lastRow, values: [], hidden: attributes.hidden === '1' || attributes.hidden === 'true', struck: false };
          filled = struck = 0;
          at.row = lastRow;
        } else if (name === 'c' && row) {
          const col = attributes.r ? columnOf(attributes.r) : row.values.length;
          // A column past Excel's last (XFD) would make the row a sparse array millions long.
          if (col > MAX_COLUMN) throw new LimitError({ id: 'xlsx_bad_ref', params: { ref: (attributes.r ?? String(col)).slice(0, 20) } });
          cell = { col: col || row.values.length || 1, t: attributes.t ?? 'n', s: Number(attributes.s ?? 0), formula: false, v: null, inline: null };
          at.col = cell.col;
          ctx.budget.cell();
        } else if (cell) {
          if (name === 'v') inV = true;
          else if (name === 'f') cell.formula = true;
          else if (name === 'is') cell.inline = new TextCollector(ctx.budget);
          else cell.inline?.open(name, attributes);
        } else if (name === 'mergeCell' && attributes.ref) merges.push(attributes.ref);
      } else if (eventType === 'closetag') {
        if (name === 'c' && row && cell) {
          const v = cellValue(cell, ctx);
          row.values[cell.col] = v;
          if (v !== null && !(typeof v === 'string' && v.trim() === '')) {
            filled++;
            if (isStruck(cell, ctx)) struck++;
          }
          cell = null;
        } else if (name === 'v') inV = false;
        else if (name === 'row' && row) {
          row.struck = filled > 0 && struck === filled;
          done.push(row);
          row = null;
        } else cell?.inline?.close(name);
      }
    }
    yield* done;
  }
}
