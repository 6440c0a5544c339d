// A bulletin laid out once, in one language, for every output format: sections
// of facts, tables of typed cells (so XLSX keeps numbers and dates as such)
// and bar charts. Markdown, HTML and XLSX each render this, nothing more.
import { pct } from '../grade/grade.js';

export type CellValue =
  | { t: 'text'; v: string }
  /** A number, with `d` decimals when given. */
  | { t: 'num'; v: number; d?: number }
  /** A fraction 0..1 shown as a percentage. */
  | { t: 'pct'; v: number }
  /** An ISO date. */
  | { t: 'date'; v: string }
  | null;

export interface DocTable {
  caption: string;
  headers: string[];
  rows: CellValue[][];
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
}

export type Block = { kind: 'facts'; lines: string[] } | { kind: 'table'; table: DocTable } | { kind: 'chart'; chart: Chart };

export interface DocSection {
  id: string;
  title: string;
  blocks: Block[];
}

export interface Doc {
  lang: 'zh' | 'en';
  title: string;
  subtitle: string;
  footer: string;
  /** Shown where a table has no rows. */
  none: string;
  /** Shown under a table cut to MAX_TEXT_ROWS in Markdown and HTML. */
  more(shown: number, total: number): string;
  sections: DocSection[];
}

/** Markdown and HTML are read by people: a longer table is cut there (XLSX and JSON keep every row). */
export const MAX_TEXT_ROWS = 500;

export const text = (v: string): CellValue => ({ t: 'text', v });
export const num = (v: number, d?: number): CellValue => (d === undefined ? { t: 'num', v } : { t: 'num', v, d });
export const share = (v: number | null): CellValue => (v === null ? null : { t: 'pct', v });
export const date = (v: string | null): CellValue => (v === null ? null : { t: 'date', v });

/** A cell as text, for Markdown and HTML. */
export function cellText(c: CellValue): string {
  if (c === null) return '';
  switch (c.t) {
    case 'text':
    case 'date':
      return c.v;
    case 'num':
      return c.d === undefined ? String(c.v) : c.v.toFixed(c.d);
    case 'pct':
      return pct(c.v);
  }
}

export const isNumeric = (c: CellValue) => c !== null && (c.t === 'num' || c.t === 'pct');

/** A chart's figures as a table, for the formats that draw no charts. */
export function chartTable(chart: Chart): DocTable {
  const names = [...new Set(chart.bars.flatMap((b) => b.segments.map((s) => s.name)))];
  return {
    caption: chart.caption,
    headers: [chart.label, ...names],
    rows: chart.bars.map((b) => [text(b.label), ...names.map((n) => num(b.segments.find((s) => s.name === n)?.value ?? 0))]),
  };
}
