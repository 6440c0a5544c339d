// A large workbook read in shares, one per thread: its sheets dealt out by
// size (a section's sheet with the sheets attached to it, 积分扣减 with
// 党员积分), each share read on any thread as the whole workbook is, then
// joined in the workbook's order. Each thread then holds its own sheets'
// cells, not the whole workbook's, and a one-workbook import reads on every
// core. Only a workbook whose every visible sheet is named for its section
// once (or is the template's instructions) is dealt out; a share with any
// problem (an error, a limit passed) sends the workbook to the ordinary
// reader, so every error and its place are what they were.
import { readFileSync, statSync } from 'node:fs';
import { Diagnostics, WARNINGS_KEPT, type Diagnostic } from '../../core/diagnostic.js';
import type { Section } from '../../core/model.js';
import { SECTION_DEFS, UNDATED } from '../../core/sections.js';
import { ATTACHED_SHEETS } from '../../core/attached-sheets.js';
import { MAX_CELLS, MAX_FILE_BYTES, MAX_INFLATED_BYTES } from '../limits.js';
import { addCounts, packRows, periodsFrom, periodsOf, rowCounts, rowsOf, rowWidth, type Present } from '../rows.js';
import type { DocumentValidator } from '../schemas.js';
import { digest, type FileResult, type FileTask, type ReadRules, type SheetLayout } from '../task.js';
import { openBook, type Book } from './open.js';
import type { NameColumn, ParsedSheet } from './sheet.js';
import type { Plain } from './cells.js';
import { hiddenHolds, isHidden, NOT_DATA_SHEETS, parseGrid, sectionOf, sheetDef, sheetGrid, sheetWarning } from './sheets.js';
import { namedQuarters, recordQuarters, sheetRecords, vagueWarnings } from './sheet-records.js';

export interface ShareTask extends FileTask {
  share: { part: number; of: number };
}

export const isShare = (t: FileTask): t is ShareTask => 'share' in t;

/** What a share gives: its sheets' rows and warnings, each placed by its sheet's place in the workbook. */
export interface ShareOk {
  index: number;
  part: number;
  status: 'ok';
  /** The workbook's bytes as this share read them: every share must have read the same. */
  hash: string;
  bytes: number;
  exported: boolean;
  /** Its rows but the members', serialized (packRows), a group's at a time. */
  rows: Uint8Array[];
  counts: Partial<Record<Section, number>>;
  /** Its members' rows, dated when they are joined (a workbook of one quarter dates its members by it). */
  members?: unknown[];
  /** Per section: the quarters of its records, in the order met. */
  quarters: Partial<Record<Section, string[]>>;
  /** The quarters of its period-scoped records. */
  recordQuarters: string[];
  present: Present;
  /** Each of its sections' sheet: its place in the workbook, name and columns. */
  sheets: { at: number; section: Section; layout: SheetLayout }[];
  /** Its sheets' warnings, each with its sheet's place in the workbook, in the order made. */
  warnings: { at: number; warning: Diagnostic }[];
  vague: Diagnostic[];
  names: { at: number; names: NameColumn[] }[];
  named: { reviews: string[]; points: string[] };
  /** Cells and inflated bytes: those of the parts every share reads, and those of its own sheets. */
  common: { cells: number; declared: number };
  own: { cells: number; declared: number };
}

export type ShareResult = ShareOk | { index: number; part: number; status: 'declined' };

/** The shares of a workbook worth dealing out (larger than `pieceBytes`, on at least two shares), or null to read it whole. */
export function workbookShares(task: FileTask, pieceBytes: number, threads: number): { count: number; share(part: number): ShareTask } | null {
  if (pieceBytes <= 0 || task.allErrors || !/\.xlsx$/i.test(task.path)) return null;
  try {
    const size = statSync(task.path).size;
    if (size <= pieceBytes || size > MAX_FILE_BYTES) return null;
  } catch {
    return null;
  }
  const of = Math.max(2, threads);
  return { count: of, share: (part) => ({ ...task, share: { part, of } }) };
}

/**
 * The workbook's sheets dealt into `of` shares, each a list of groups (a
 * section's sheet and the sheets attached to it; a hidden sheet alone, to be
 * named if it holds a section), the largest group first to the share with
 * the fewest bytes; null when it is not to be dealt out: a visible sheet
 * named for no section, or for one twice, an attached sheet without its
 * section's, fewer than two sections.
 */
export function dealSheets(book: Pick<Book, 'sheets'>, of: number): number[][][] | null {
  const groups = new Map<Section, number[]>();
  const attachedTo: [Section, number][] = [];
  const seen = new Set<unknown>();
  const hidden: number[][] = [];
  for (const [i, s] of book.sheets.entries()) {
    const def = sheetDef(s.name);
    if (isHidden(s.state)) {
      hidden.push([i]);
      continue;
    }
    if (!def) {
      if (NOT_DATA_SHEETS.has(s.name.trim())) continue;
      return null;
    }
    if (seen.has(def)) return null;
    seen.add(def);
    const section = sectionOf(def);
    if (section) groups.set(section, [i]);
    else attachedTo.push([ATTACHED_SHEETS.find((a) => a.sheet === def)!.section, i]);
  }
  for (const [section, i] of attachedTo) {
    const group = groups.get(section);
    if (!group) return null;
    group.push(i);
  }
  if (groups.size < 2) return null;
  // A hidden sheet named for a section is named unread: it costs nothing.
  const cost = (i: number) => (hidden.some(([h]) => h === i) && sheetDef(book.sheets[i].name) ? 0 : book.sheets[i].bytes);
  const bytes = (g: number[]) => g.reduce((n, i) => n + cost(i), 0);
  const shares = Array.from({ length: of }, () => ({ bytes: 0, groups: [] as number[][] }));
  for (const g of [...groups.values(), ...hidden].sort((a, b) => bytes(b) - bytes(a) || a[0] - b[0])) {
    const least = shares.reduce((m, s) => (s.bytes < m.bytes ? s : m));
    least.bytes += bytes(g);
    least.groups.push(g.sort((a, b) => a - b));
  }
  return shares.map((s) => s.groups.sort((a, b) => a[0] - b[0]));
}

const NO_CELLS: Plain[] = [];

/** A share being read: what its groups gave so far. */
type Gathered = Omit<ShareOk, 'index' | 'part' | 'status' | 'hash' | 'bytes' | 'exported' | 'common' | 'own'>;

/**
 * One group of sheets read, its records made and its rows packed before the
 * next group is read: a thread holds one group's cells at a time. False on an
 * error (the workbook is then read whole, where it is placed).
 */
async function readGroup(book: Book, group: number[], file: string, validate: DocumentValidator, rules: ReadRules, out: Gathered): Promise<boolean> {
  const diags = new Diagnostics();
  const report = (d: Diagnostic) => (diags.wants(d.severity) ? diags.add(d) : diags.count(d.severity, 1, d.code));
  const parsed: ParsedSheet[] = [];
  for (const at of group) {
    const ws = book.sheet(at);
    const def = sheetDef(ws.name);
    // A hidden sheet is a group of its own, named or not, never read for its records.
    if (isHidden(ws.state)) {
      if (await hiddenHolds(ws, def))
        out.warnings.push({ at, warning: sheetWarning(file, ws.name, 'sheet_hidden', { id: 'sheet_hidden', params: { sheet: ws.name } }) });
      return true;
    }
    const from = diags.warnings.length;
    const sheet = parseGrid(file, ws, def!, await sheetGrid(ws), report);
    if (diags.errorCount > 0) return false;
    // Its cells place an error (a share with one is read again whole) or a vague pledge: any other sheet's go with its grid.
    if (def !== SECTION_DEFS.pledges.sheet) for (const r of sheet.rows) r.cells = NO_CELLS;
    parsed.push(sheet);
    for (const warning of diags.warnings.slice(from)) out.warnings.push({ at, warning });
    out.names.push({ at, names: sheet.names.filter((n) => n.rows.length > 0) });
  }
  const { into, present, sheets } = sheetRecords(file, parsed, validate, rules, report);
  if (diags.errorCount > 0) return false;
  vagueWarnings(parsed, into, rules, file, (d) => out.vague.push(d));
  for (const [section, layout] of Object.entries(sheets) as [Section, SheetLayout][])
    out.sheets.push({ at: group[parsed.findIndex((p) => p.name === layout.sheet)], section, layout });
  // The sheets' cells are let go before their rows are made: a thread holds a group's records or its cells, not both.
  parsed.length = 0;
  Object.assign(out.quarters, periodsOf(into, []));
  out.recordQuarters.push(...recordQuarters(into));
  out.present.push(...present);
  out.named.reviews.push(...namedQuarters({ reviews: into.reviews, points: [] }));
  out.named.points.push(...namedQuarters({ reviews: [], points: into.points }));
  const rows = rowsOf(into);
  if (rows.members) out.members = rows.members;
  delete rows.members;
  out.rows.push(packRows(rows));
  out.counts = addCounts([out.counts, rowCounts(rows, undefined)]);
  return true;
}

/** One share of a workbook, read as the whole workbook is read; declined on anything the ordinary reader would say more of. */
export async function readShare(task: ShareTask, validate: DocumentValidator, rules: ReadRules): Promise<ShareResult> {
  const { index, file, share } = task;
  const declined: ShareResult = { index, part: share.part, status: 'declined' };
  try {
    const raw = readFileSync(task.path);
    if (raw.length > MAX_FILE_BYTES) return declined;
    const book = await openBook(raw);
    const mine = dealSheets(book, share.of)?.[share.part];
    if (!mine) return declined;
    if (mine.length > 0) await book.prepare();
    const common = book.budget.spent;
    const out: Gathered = {
      rows: [],
      counts: {},
      quarters: {},
      recordQuarters: [],
      present: [],
      sheets: [],
      warnings: [],
      vague: [],
      names: [],
      named: { reviews: [], points: [] },
    };
    for (const group of mine) if (!(await readGroup(book, group, file, validate, rules, out))) return declined;
    const spent = book.budget.spent;
    return {
      index,
      part: share.part,
      status: 'ok',
      hash: digest(raw),
      bytes: raw.length,
      exported: book.exported,
      ...out,
      common,
      own: { cells: spent.cells - common.cells, declared: spent.declared - common.declared },
    };
  } catch {
    return declined;
  }
}

/** The shares' results, in the workbook's order, as reading it whole gives them; null when they cannot stand for it (the file changed between them, a limit passed in all). */
export function joinShares(task: FileTask, parts: ShareOk[]): FileResult | null {
  const [first] = parts;
  if (parts.some((p) => p.hash !== first.hash)) return null;
  const cells = first.common.cells + parts.reduce((n, p) => n + p.own.cells, 0);
  const declared = first.common.declared + parts.reduce((n, p) => n + p.own.declared, 0);
  if (cells > MAX_CELLS || declared > MAX_INFLATED_BYTES) return null;
  const inOrder = <T extends { at: number }>(xs: T[]) =>
    xs
      .map((x, i) => ({ x, i }))
      .sort((a, b) => a.x.at - b.x.at || a.i - b.i)
      .map((y) => y.x);
  const sheets = inOrder(parts.flatMap((p) => p.sheets));
  const sheetAt = new Map(sheets.map((s) => [s.section, s.at]));
  const present = inOrder(parts.flatMap((p) => p.present.map((x) => ({ ...x, at: sheetAt.get(x.section) ?? -1 })))).map(({ section, period }) => ({
    section,
    period,
  }));
  const members = parts.find((p) => p.members)?.members;
  const quarters = new Set(parts.flatMap((p) => p.recordQuarters));
  if (members && !first.exported && quarters.size === 1) dateMembers(members, [...quarters][0]);
  const counts = addCounts(parts.map((p) => p.counts));
  return {
    index: task.index,
    file: task.file,
    status: 'ok',
    hash: first.hash,
    bytes: first.bytes,
    rows: members ? { members } : {},
    packed: { chunks: parts.flatMap((p) => p.rows), counts },
    periods: periodsFrom((s) => parts.flatMap((p) => p.quarters[s] ?? []), present),
    named: [...new Set([...parts.flatMap((p) => p.named.reviews), ...parts.flatMap((p) => p.named.points)])],
    warnings: [...inOrder(parts.flatMap((p) => p.warnings)).map((w) => w.warning), ...parts.flatMap((p) => p.vague)].slice(0, WARNINGS_KEPT),
    sheets: Object.fromEntries(sheets.map((s) => [s.section, s.layout])),
    names: inOrder(parts.flatMap((p) => p.names)).flatMap((n) => n.names),
  };
}

const SINCE = SECTION_DEFS.members.cols.indexOf('since');

/** The members' rows that name no quarter, dated by the workbook's one quarter (as datedByWorkbook does their records). */
function dateMembers(rows: unknown[], quarter: string): void {
  const width = rowWidth('members');
  for (let i = SINCE; i < rows.length; i += width) if (rows[i] === UNDATED) rows[i] = quarter;
}
