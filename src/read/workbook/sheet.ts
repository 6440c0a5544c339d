// One sheet of a filled workbook: its header row mapped to fields (Chinese
// label or field path, in any order), then each non-blank row turned into a
// raw record of the YAML's shape, every value taken by what its column holds.
// Errors are placed at their cell, with the column's header and the value.
import type { Diagnostic, Place } from '../../core/diagnostic.js';
import type { Msg } from '../../core/messages/index.js';
import type { SheetDef } from '../../core/sections.js';
import { closest } from '../schema-errors.js';
import { isBlank, shown, cellValueOf, type Plain } from './cells.js';
import { requiredGroups, sheetFields, type FieldInfo, type Kind } from './fields.js';
import { halfWidth } from '../../core/text.js';

/** A1-style column letters: 1 → A, 27 → AA. */
export function colName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** Where a field's column is, and its header as written. */
export type Layout = Record<string, [col: number, header: string]>;

/** The names written in one name column (组织名称, 姓名) of a sheet: each row's code and name, where both are written. */
export interface NameColumn {
  sheet: string;
  /** The column's key in the sheet's layout (#组织名称), where a warning is placed. */
  key: string;
  kind: 'org' | 'member';
  rows: [row: number, code: string, name: string][];
}

export interface SheetRow {
  row: number;
  /** Its cells by column, for messages. */
  cells: Plain[];
  /** The record as YAML would give it (period aside), field paths nested. */
  raw: Record<string, unknown>;
  period: unknown;
  /** Cells that could not become a value (an error each, already reported). */
  bad: boolean;
  /** Their fields: the record's own checks say nothing more of them. */
  badFields: ReadonlySet<string>;
}

export interface ParsedSheet {
  name: string;
  def: SheetDef;
  layout: Layout;
  rows: SheetRow[];
  names: NameColumn[];
}

/** A row whose every cell became a value: most rows share it. */
const NO_FIELDS: ReadonlySet<string> = new Set();

/** Reports a diagnostic at a cell; returns false once the caller should only count. */
export type Report = (d: Diagnostic) => void;

/** A cell's place: its row and column, the sheet, its header and value. */
/** A cell's place; `value` undefined when it is not at hand (a later check names the value itself). */
export function cellPlace(file: string, sheet: string, row: number, col: number, header: string | null, value: Plain | undefined): Place {
  return {
    file,
    line: row,
    col,
    endCol: col + 1,
    source: null,
    cell: { sheet, ref: `${colName(col)}${row}`, header, value: header === null || value === undefined ? null : shown(value) },
  };
}

/** Header text as it may be written: spaces and a required mark (*) aside. */
const headerText = (p: Plain) =>
  shown(p)
    .replace(/[\s\u3000]+/g, '')
    .replace(/[*＊]+$/, '');

/**
 * Columns that hold no record's data: a row number (序号), and the column an
 * annotated copy adds (错误) — so the corrected copy a branch sends back
 * imports as it is.
 */
const NOT_DATA = new Set(['序号', 'no.', '错误', 'errors']);

/** A row that totals the rows above it: its first filled cell says so. */
const TOTAL = /^(合计|总计|小计|共计)$/;

/** A note offices put under the header: 单位：分, 格式:2011-07-05, （填写说明：…）. */
const NOTE = /^[（(【[]?\s*(计量单位|单位|格式|日期格式|说明|填写说明|填表说明|填报说明|填写|注|注意|备注|示例|样例|例|例如|如|提示|要求)\s*[:：]/;

type Column = { field: string; col: number; header: string; kind: Kind; parts: string[] };

/** A code as a code column holds it (common.schema.json#/definitions/code). */
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Whether a cell's value is one its column holds: cellValueOf lets the record's checks refuse the rest, with their messages. */
function holds(v: unknown, info: FieldInfo): boolean {
  switch (info.kind) {
    case 'number':
    case 'integer':
      return typeof v === 'number';
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v);
    case 'period':
      return typeof v === 'string' && /^\d{4}[Qq][1-4]$/.test(halfWidth(v).trim());
    case 'bool':
      return typeof v === 'boolean' || v === '是' || v === '否';
    case 'code':
      return typeof v === 'string' && CODE.test(v);
    case 'enum':
      return typeof v === 'string' && ((info.labels ?? []).includes(v) || Object.keys(info.labelOf ?? {}).includes(v));
    default:
      return true;
  }
}

/**
 * A note row under the header (before any data row): all its filled cells
 * text, no code where a code goes, and either a note (单位：分) or, no code
 * written at all, only words no typed column holds (分 under 积分,
 * YYYY-MM-DD under a date) — so a data row is still read, and refused where
 * it is wrong.
 */
function isNoteRow(cs: Plain[], columns: Column[], fields: Map<string, FieldInfo>, date1904: boolean): boolean {
  const filled = cs.filter((p) => !isBlank(p ?? null));
  if (!filled.every((p) => typeof p === 'string')) return false;
  const typed = columns.filter((c) => c.kind !== 'text' && !isBlank(cs[c.col] ?? null));
  const takes = (c: Column) => {
    const v = cellValueOf(cs[c.col]!, c.kind, date1904);
    return v.ok && holds(v.value, fields.get(c.field)!);
  };
  if (typed.some((c) => c.kind === 'code' && takes(c))) return false;
  if (filled.some((p) => NOTE.test(p as string))) return true;
  return typed.length > 0 && typed.every((c) => c.kind !== 'code' && !takes(c));
}

type CellError = (row: number, col: number, header: string | null, value: Plain, code: string, msg: Msg, path?: string | null) => void;

/**
 * The header row → the sheet's layout (each field's column) and its name
 * columns; each header not known, written twice or missing is an error.
 * Returns the name columns and the columns without a header.
 */
function readHeader(head: Plain[], at: number, def: SheetDef, out: ParsedSheet, error: CellError) {
  const fields = sheetFields(def);
  const byLabel = headerFields(def);
  const nameCols: { col: number; ref: string; list: NameColumn }[] = [];
  const noHeader: number[] = [];
  const firstAt = new Map<string, number>();
  head.forEach((p, col) => {
    if (col === 0) return;
    const h = headerText(p);
    if (h === '') return void noHeader.push(col);
    if (NOT_DATA.has(h.toLowerCase())) return;
    const field = byLabel.get(h.toLowerCase());
    const people = def.names?.find((n) => n.label === h);
    const key = field ?? (people ? `#${h}` : null);
    if (key === null) {
      const allowed = [...def.columns.map((c) => c.label), ...(def.names ?? []).map((n) => n.label)];
      return error(at, col, shown(p), p, 'unknown_field', {
        id: 'header_unknown',
        params: { header: h, hint: closest(h, allowed) ?? '', allowed: allowed.join('、') },
      });
    }
    if (firstAt.has(key)) return error(at, col, shown(p), p, 'unknown_field', { id: 'header_twice', params: { header: h, first: colName(firstAt.get(key)!) } });
    firstAt.set(key, col);
    if (field) out.layout[field] = [col, shown(p)];
    else {
      // Kept in the layout too (as #组织名称), so a warning about the name is placed at its cell.
      out.layout[`#${h}`] = [col, shown(p)];
      const list: NameColumn = { sheet: out.name, key: `#${h}`, kind: people!.kind, rows: [] };
      out.names.push(list);
      nameCols.push({ col, ref: people!.ref, list });
    }
  });
  // A required field, or a required group (a review's masses), needs its column.
  for (const c of def.columns) {
    const info = fields.get(c.field);
    if (!info?.required || out.layout[c.field]) continue;
    error(at, 1, null, null, 'required', { id: 'header_missing', params: { header: c.label } });
  }
  for (const group of requiredGroups(def)) {
    if (Object.keys(out.layout).some((f) => f.startsWith(`${group}.`))) continue;
    const first = def.columns.find((c) => c.field.startsWith(`${group}.`))!;
    error(at, 1, null, null, 'required', { id: 'header_missing', params: { header: first.label } });
  }
  return { nameCols, noHeader };
}

const headersOf = new WeakMap<SheetDef, Map<string, string>>();

/** Each header a sheet of `def` may give a field (lower case: its label, short names, its slug) → the field; made once per sheet kind. */
function headerFields(def: SheetDef): Map<string, string> {
  let out = headersOf.get(def);
  if (!out) {
    out = new Map();
    for (const c of def.columns) for (const h of [c.label, ...(c.aliases ?? []), c.field]) out.set(h.toLowerCase(), c.field);
    headersOf.set(def, out);
  }
  return out;
}

/** The rows the header may be on: the sheet's first 10 (a title, 填报单位, 填报日期 above it). */
const HEADER_ROWS = 10;

/** Of `row`'s filled cells, how many are `def`'s headers (a field's, a name column's), and how many are not (序号 is neither). */
function headersIn(def: SheetDef, row: Plain[]): { known: number; other: number } {
  const fields = headerFields(def);
  const names = new Set((def.names ?? []).map((n) => n.label));
  let known = 0;
  let other = 0;
  for (const p of row) {
    const h = headerText(p).toLowerCase();
    if (h === '' || NOT_DATA.has(h)) continue;
    if (fields.has(h) || names.has(h)) known++;
    else other++;
  }
  return { known, other };
}

const headerCandidates = (rowNumbers: number[]) => rowNumbers.filter((r) => r <= HEADER_ROWS);

/**
 * The header row (SPEC §1): the first of the sheet's first 10 rows whose
 * filled cells are all headers, at least two; rows above it (a title,
 * 填报单位…) are not read. Failing that, the row naming the most (a header
 * row with a mistyped header, whose errors say which), else row 1.
 */
function headerRow(def: SheetDef, rowNumbers: number[], cells: (row: number) => Plain[]): number {
  const rows = headerCandidates(rowNumbers).map((r) => ({ r, ...headersIn(def, cells(r)) }));
  const whole = rows.find((x) => x.known >= 2 && x.other === 0);
  if (whole) return whole.r;
  const most = rows.reduce<{ r: number; known: number } | null>((best, x) => (x.known >= 2 && x.known > (best?.known ?? 0) ? x : best), null);
  return most?.r ?? 1;
}

/** The most of `def`'s headers any row the header may be on names: how a sheet named otherwise is known. */
export function knownHeaders(def: SheetDef, rowNumbers: number[], cells: (row: number) => Plain[]): number {
  return Math.max(0, ...headerCandidates(rowNumbers).map((r) => headersIn(def, cells(r)).known));
}

/**
 * `cells(row)`: the row's cells by column number (1-based), after merged
 * ranges are filled; `blank(row)`: whether the row was blank as written;
 * `date1904`: the workbook's days count from 1904 (a serial in a cell not
 * formatted as a date is read by it).
 */
export function parseSheet(
  file: string,
  name: string,
  def: SheetDef,
  rowNumbers: number[],
  cells: (row: number) => Plain[],
  blank: (row: number) => boolean,
  report: Report,
  date1904 = false,
): ParsedSheet {
  const fields = sheetFields(def);
  const out: ParsedSheet = { name, def, layout: {}, rows: [], names: [] };
  const error: CellError = (row, col, header, value, code, msg, path = null) =>
    report({ severity: 'error', ...cellPlace(file, name, row, col, header, value), path, code, msg });

  const at = headerRow(def, rowNumbers, cells);
  const head = rowNumbers.includes(at) ? cells(at) : [];
  if (head.every((p) => isBlank(p))) {
    error(1, 1, null, null, 'required', { id: 'sheet_no_header' });
    return out;
  }
  const { nameCols, noHeader } = readHeader(head, at, def, out, error);
  // Each mapped column once, with what it holds and where its value goes (masses.basic → ['masses', 'basic']).
  const columns: Column[] = Object.entries(out.layout)
    .filter(([field]) => !field.startsWith('#'))
    .map(([field, [col, header]]) => ({ field, col, header, kind: fields.get(field)!.kind, parts: field.split('.') }));
  const blankReported = new Set<number>();
  for (const row of rowNumbers) {
    if (row <= at || blank(row)) continue;
    const cs = cells(row);
    const first = cs.findIndex((p) => !isBlank(p ?? null));
    if (first >= 0 && TOTAL.test(headerText(cs[first]))) continue;
    if (out.rows.length === 0 && first >= 0 && isNoteRow(cs, columns, fields, date1904)) {
      const note = (cs.find((p) => typeof p === 'string' && NOTE.test(p)) ?? cs[first]) as string;
      report({
        severity: 'warning',
        ...cellPlace(file, name, row, first, null, undefined),
        path: null,
        code: 'note_row',
        msg: { id: 'note_row', params: { sheet: name, row, note } },
      });
      continue;
    }
    for (const col of noHeader) {
      if (!isBlank(cs[col] ?? null) && !blankReported.has(col)) {
        blankReported.add(col);
        error(row, col, null, cs[col], 'unknown_field', { id: 'header_blank' });
      }
    }
    const raw: Record<string, unknown> = {};
    let period: unknown;
    let bad = false;
    let badFields: Set<string> | null = null;
    for (const { field, col, header, kind, parts } of columns) {
      const p = cs[col] ?? null;
      if (isBlank(p)) continue;
      const v = cellValueOf(p!, kind, date1904);
      if (!v.ok) {
        bad = true;
        (badFields ??= new Set()).add(field);
        error(row, col, header, p, v.code, v.msg, field);
        continue;
      }
      if (field === 'period') period = v.value;
      else if (parts.length === 1) raw[field] = v.value;
      else ((raw[parts[0]] ??= {}) as Record<string, unknown>)[parts[1]] = v.value;
    }
    out.rows.push({ row, cells: cs, raw, period, bad, badFields: badFields ?? NO_FIELDS });
    for (const n of nameCols) {
      const code = raw[n.ref];
      const p = cs[n.col] ?? null;
      // A pledge's owner is an org or a member: its name column says which it is read against.
      if (typeof code === 'string' && !isBlank(p)) n.list.rows.push([row, code, shown(p).trim()]);
    }
  }
  return out;
}
