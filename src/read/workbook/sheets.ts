// Which section a workbook's sheet holds (by its name, else by its headers),
// a sheet's rows as one grid, its merged ranges filled in, and the sheet
// parsed from it: what reading a workbook whole and in shares both do.
import { SECTIONS, type Section } from '../../core/model.js';
import { SECTION_DEFS, type SheetDef } from '../../core/sections.js';
import { ATTACHED_SHEETS } from '../../core/attached-sheets.js';
import { MAX_MERGED_CELLS } from '../limits.js';
import { closest } from '../schema-errors.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { OpenSheet } from './open.js';
import { LimitError } from './budget.js';
import { isBlank, type Plain } from './cells.js';
import { cellPlace, knownHeaders, parseSheet, type ParsedSheet, type Report } from './sheet.js';
import { mergedRanges } from './merges.js';
import { markedRows } from './marked.js';

export const SHEETS: SheetDef[] = [...SECTIONS.map((s) => SECTION_DEFS[s].sheet), ...ATTACHED_SHEETS.map((a) => a.sheet)];

/**
 * The section a sheet's name stands for: its Chinese name or another name
 * offices give it, or its slug in any case; spaces and a bracketed note
 * (信息报送（二季度）, 党员(3月)) aside.
 */
export function sheetDef(name: string): SheetDef | undefined {
  const n = name.replace(/[（(【[][^）)】\]]*[）)】\]]/g, '').replace(/[\s\u3000]+/g, '');
  return SHEETS.find((d) => d.label === n || d.aliases?.includes(n) || d.slug === n.toLowerCase());
}

/** A sheet kept out of sight: not what the branch sees and sends. */
export const isHidden = (state: string) => state === 'hidden' || state === 'veryHidden';

/** Sheets that hold no records: the template's instructions, an annotated copy's list of errors. */
export const NOT_DATA_SHEETS = new Set(['填表说明', '说明', '错误清单', 'errors']);

/** Headers a sheet must share with a section to be read as it. */
const HEADERS_TO_KNOW = 3;

/** The section whose headers a sheet's header row names most (at least three, and more than any other), or null. */
export function byHeaders(grid: Grid): SheetDef | null {
  const scored = SHEETS.map((d) => ({ d, n: knownHeaders(d, grid.numbers, grid.cells) })).sort((a, b) => b.n - a.n);
  const [best, next] = scored;
  return best.n >= HEADERS_TO_KNOW && best.n > (next?.n ?? 0) ? best.d : null;
}

/** The section whose name is closest to a sheet's, to name in a warning. */
export const closestSheet = (name: string): SheetDef =>
  SHEETS.find(
    (d) =>
      d.label ===
      closest(
        name.trim(),
        SHEETS.map((x) => x.label),
      ),
  ) ?? SHEETS[0];

/** The section a sheet holds; null for an attached sheet (积分扣减, 回头看). */
export const sectionOf = (def: SheetDef): Section | null => SECTIONS.find((s) => SECTION_DEFS[s].sheet === def) ?? null;

/** A sheet's rows, its merged ranges filled in: cells by row, whether each row was blank as written, and its hidden and struck-through rows. */
export interface Grid {
  numbers: number[];
  cells: (row: number) => Plain[];
  written: (row: number) => boolean;
  hidden: Set<number>;
  struck: Set<number>;
}

export async function sheetGrid(ws: OpenSheet): Promise<Grid> {
  const rows = new Map<number, Plain[]>();
  const hidden = new Set<number>();
  const struck = new Set<number>();
  for await (const row of ws.rows()) {
    rows.set(row.number, row.values);
    if (row.hidden) hidden.add(row.number);
    if (row.struck) struck.add(row.number);
  }
  const blank = (cs: Plain[] | undefined) => cs?.every((p) => isBlank(p ?? null)) ?? true;
  // Whether a row a merged range fills was blank as written, kept before it is filled; any other row is as read.
  const written = new Map<number, boolean>();
  // Merged ranges are listed after the rows: filled in once the rows are read, each cell from its range's first.
  let area = 0;
  for (const m of mergedRanges(ws.merges)) {
    const top = rows.get(m.top)?.[m.left] ?? null;
    if (isBlank(top)) continue;
    area += (m.bottom - Math.max(2, m.top) + 1) * (m.right - m.left + 1);
    if (area > MAX_MERGED_CELLS) {
      const e = new LimitError({ id: 'xlsx_merged_too_large', params: { limit: MAX_MERGED_CELLS } });
      e.at = { row: m.top, col: m.left };
      throw e;
    }
    for (let r = Math.max(2, m.top); r <= m.bottom; r++) {
      if (!written.has(r)) written.set(r, blank(rows.get(r)));
      const cs = rows.get(r) ?? [];
      rows.set(r, cs);
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) cs[c] = top;
    }
  }
  return {
    numbers: [...rows.keys()].sort((a, b) => a - b),
    cells: (r) => rows.get(r) ?? [],
    written: (r) => written.get(r) ?? blank(rows.get(r)),
    hidden,
    struck,
  };
}

/** A warning about a sheet, placed at a row's first cell (its first row unless said). */
export const sheetWarning = (file: string, sheet: string, code: string, msg: Diagnostic['msg'], row = 1): Diagnostic => ({
  severity: 'warning',
  ...cellPlace(file, sheet, row, 1, null, null),
  path: null,
  code,
  msg,
});

/**
 * Whether a hidden sheet holds a section's records, by its name or its
 * headers: it is not what the branch sees and sends (an old draft kept out of
 * sight), so it is named, not read; the template's hidden lists pass quietly.
 */
export const hiddenHolds = async (ws: OpenSheet, def: SheetDef | undefined): Promise<boolean> => def !== undefined || byHeaders(await sheetGrid(ws)) !== null;

/** A section's sheet parsed from its grid, its hidden and struck-through rows named; every finding to `report`. */
export function parseGrid(file: string, ws: OpenSheet, def: SheetDef, grid: Grid, report: Report): ParsedSheet {
  const sheet = parseSheet(file, ws.name, def, grid.numbers, grid.cells, grid.written, report, ws.date1904);
  markedRows(sheet, grid, (name, row, code, msg) => report(sheetWarning(file, name, code, msg, row)));
  return sheet;
}
