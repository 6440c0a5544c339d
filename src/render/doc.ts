// One document structure for every printed output — grade, stars and quota
// tables, the bulletin — laid out once, in one language: sections of
// paragraphs, tables of typed cells (so XLSX keeps numbers and dates as such)
// and charts. Each format (text, csv, md, html, xlsx) renders this, nothing more.
import type { Source } from '../core/model.js';
import { pct } from '../core/numbers.js';

/** What colour or weight a piece of text has where colour is shown (the terminal). */
export type Tone = 'good' | 'fair' | 'average' | 'poor' | 'ungraded' | 'ok' | 'bad' | 'warn' | 'muted' | 'strong';

export type CellValue =
  | { t: 'text'; v: string; tone?: Tone }
  /** A number, with `d` decimals when given. */
  | { t: 'num'; v: number; d?: number; tone?: Tone }
  /** A fraction 0..1 shown as a percentage. */
  | { t: 'pct'; v: number; tone?: Tone }
  /** An ISO date. */
  | { t: 'date'; v: string; tone?: Tone }
  /** A count of stars: ★★★ on a terminal, the number elsewhere. */
  | { t: 'stars'; v: number; tone?: Tone }
  | null;

export type Align = 'left' | 'right';

export interface DocTable {
  /** Shown above the table where a format has room for it. */
  caption?: string;
  headers: string[];
  /** Walked more than once by some formats: may build each row when asked (a city lists 750,000 members). */
  rows: Iterable<CellValue[]>;
  align?: Align[];
  /** Columns the terminal may narrow to fit its width, their text wrapped, such as names and notes. */
  shrink?: number[];
  /** Shown instead of an empty table; without it an empty table is its header alone. */
  none?: string;
  /** Markdown and HTML are read by people: past `max` rows a table is cut there, with a note (XLSX, CSV and JSON keep every row). */
  cut?: { max: number; more: (shown: number, total: number) => string };
  /**
   * How many rows the table has in all when `rows` are only its first: a
   * bulletin made for Markdown or HTML keeps no more rows than they show.
   * Only with `cut`, and only for the formats that cut.
   */
  total?: number;
  /** Columns of running text (a pledge, a title) that wrap on paper; every other column keeps to one line. */
  wrap?: number[];
  /** A list of names (code and name): paper may run it on as one paragraph, of the names alone (a notice names orgs by name). */
  list?: boolean;
}

export interface BarSegment {
  name: string;
  value: number;
  color: string;
}

export interface Chart {
  id: string;
  caption: string;
  /** What the bars stand for, as a table's first header. */
  label: string;
  bars: { label: string; segments: BarSegment[] }[];
  /** Shown where there is nothing to draw. */
  none: string;
}

/** A run of text with its tone. */
export interface Span {
  text: string;
  tone?: Tone;
}

export type Part =
  /** A heading inside a section. */
  | { kind: 'heading'; text: string }
  /** One paragraph (a line on the terminal). `point`: an explanation's line, with the record it rests on. */
  | { kind: 'para'; spans: Span[]; point?: boolean; source?: Source }
  | { kind: 'table'; table: DocTable }
  | { kind: 'chart'; chart: Chart }
  /** A blank line between what comes before and after it on the terminal; formats with paragraphs need none. */
  | { kind: 'gap' };

export interface DocSection {
  id: string;
  title: string;
  parts: Part[];
  /** An attachment (附件) of a notice: printed from a new page, under its number. */
  attachment?: number;
}

/** A document issued as an official notice (通报): what stands before and after its body. */
export interface Notice {
  /** The issuing office: the red line at the head. */
  issuer: string;
  /** The document number, 县创争办〔2011〕6号, when one was given. */
  number: string | null;
  title: string;
  /** Whom it is addressed to (主送). */
  to: string;
  /** The date it is issued, as written under the signature. */
  date: string;
  /** The attachments' titles, listed after the body under `label` (附件：). */
  attachments: string[];
  label: string;
  /** The 版记 on the last page, when the office set `cc` or `printer`: 抄送 (label, then the list), who prints it and when. */
  imprint: { ccLabel: string; cc: string | null; printer: string; printed: string } | null;
}

export interface Doc {
  lang: 'zh' | 'en';
  /** The document's own title (the bulletin); a table output has only its section's. */
  title?: string;
  footer?: string;
  /** Set when the document is a notice: its sections are the body, then the attachments. */
  notice?: Notice;
  sections: DocSection[];
}

export const text = (v: string, tone?: Tone): CellValue => (tone ? { t: 'text', v, tone } : { t: 'text', v });
export const num = (v: number, d?: number): CellValue => (d === undefined ? { t: 'num', v } : { t: 'num', v, d });
export const share = (v: number | null): CellValue => (v === null ? null : { t: 'pct', v });
export const date = (v: string | null): CellValue => (v === null ? null : { t: 'date', v });

export const para = (s: string, tone?: Tone): Part => ({ kind: 'para', spans: [tone ? { text: s, tone } : { text: s }] });
export const GAP: Part = { kind: 'gap' };

/**
 * How wide each column of a table prints, in half-width characters with two
 * for its padding: a header wraps under its column, running text counts up to
 * `wrapAt`, anything else as wide as its widest cell.
 */
export function printColumns(tb: DocTable, cellWidth: (s: string) => number, wrapAt = 28): number[] {
  const rows = [...tb.rows];
  return tb.headers.map((h, i) => {
    const wrap = tb.wrap?.includes(i);
    let w = Math.min(8, cellWidth(h));
    for (const r of rows) w = Math.max(w, wrap ? Math.min(wrapAt, cellWidth(cellText(r[i] ?? null))) : cellWidth(cellText(r[i] ?? null)));
    return w + 2;
  });
}

/** How wide a table prints, in half-width characters. */
export const printWidth = (tb: DocTable, cellWidth: (s: string) => number, wrapAt = 28): number =>
  printColumns(tb, cellWidth, wrapAt).reduce((a, b) => a + b, 0);

/** A cell as text, as every format but the terminal shows it. */
export function cellText(c: CellValue): string {
  if (c === null) return '';
  switch (c.t) {
    case 'text':
    case 'date':
      return c.v;
    case 'num':
      return c.d === undefined ? String(c.v) : c.v.toFixed(c.d);
    case 'stars':
      return String(c.v);
    case 'pct':
      return pct(c.v);
  }
}

export const isNumeric = (c: CellValue) => c !== null && (c.t === 'num' || c.t === 'pct' || c.t === 'stars');

/** A list table run on as text: each row's last cell (its name), one after another. */
export const runOn = (rows: CellValue[][], sep: string) => rows.map((r) => cellText(r.at(-1) ?? null)).join(sep);

/** A paragraph's plain text. */
export const spansText = (spans: Span[]) => spans.map((s) => s.text).join('');

/** A chart's figures as a table, for the formats that draw no charts. */
export function chartTable(chart: Chart): DocTable {
  const names = [...new Set(chart.bars.flatMap((b) => b.segments.map((s) => s.name)))];
  return {
    caption: chart.caption,
    headers: [chart.label, ...names],
    rows: chart.bars.map((b) => [text(b.label), ...names.map((n) => num(b.segments.find((s) => s.name === n)?.value ?? 0))]),
    none: chart.none,
  };
}

/** The tables of a document, in order, charts as their tables: what a spreadsheet or CSV holds. */
export function docTables(doc: Doc): DocTable[] {
  return doc.sections.flatMap((s) => s.parts.flatMap((p) => (p.kind === 'table' ? [p.table] : p.kind === 'chart' ? [chartTable(p.chart)] : [])));
}
