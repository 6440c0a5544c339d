// A filled workbook → the same rows, warnings and errors as a YAML file of the
// same records: one more reader of the pipeline's read step. The workbook is
// streamed sheet by sheet (memory follows the largest sheet); each sheet named
// by a section is parsed (sheet.ts), its rows checked by the same record
// schemas and the same record checks as YAML, and every error is placed at
// its cell. Sheets with other names (填表说明) are left alone.
import { statSync } from 'node:fs';
import { Diagnostics, SHOWN, wholeFile, type Diagnostic } from '../../core/diagnostic.js';
import { emptySections, SECTIONS, type Section, type SectionRecords } from '../../core/model.js';
import { SECTION_DEFS, UNDATED, type SheetDef } from '../../core/sections.js';
import { ATTACHED_SHEETS } from '../../core/attached-sheets.js';
import { normalizePeriod } from '../../core/dates.js';
import { vagueReasons } from '../../core/pledge-quality.js';
import { hashFile, type FileResult, type FileTask, type ReadRules, type SheetLayout } from '../task.js';
import { MAX_FILE_BYTES, MAX_MERGED_CELLS } from '../limits.js';
import { collectRecords } from '../records.js';
import { periodsOf, rowsOf, type Present } from '../rows.js';
import { schemaFindings } from '../schema-errors.js';
import type { DocumentValidator } from '../schemas.js';
import { attach, orphans, readAttached, type Attached, type Place, type Taken } from './attached.js';
import type { Finding } from '../findings.js';
import { openWorkbook, type OpenSheet } from './open.js';
import { LimitError } from './budget.js';
import { isBlank, type Plain } from './cells.js';
import { cellPlace, knownHeaders, parseSheet, type ParsedSheet, type SheetRow } from './sheet.js';
import { closest } from '../schema-errors.js';
import { mergedRanges } from './merges.js';
import { markedRows } from './marked.js';

const SHEETS: SheetDef[] = [...SECTIONS.map((s) => SECTION_DEFS[s].sheet), ...ATTACHED_SHEETS.map((a) => a.sheet)];

/**
 * The section a sheet's name stands for: its Chinese name or another name
 * offices give it, or its slug in any case; spaces and a bracketed note
 * (信息报送（二季度）, 党员(3月)) aside.
 */
function sheetDef(name: string): SheetDef | undefined {
  const n = name.replace(/[（(【[][^）)】\]]*[）)】\]]/g, '').replace(/[\s\u3000]+/g, '');
  return SHEETS.find((d) => d.label === n || d.aliases?.includes(n) || d.slug === n.toLowerCase());
}

/** Sheets that hold no records: the template's instructions, an annotated copy's list of errors. */
const NOT_DATA_SHEETS = new Set(['填表说明', '说明', '错误清单', 'errors']);

/** Headers a sheet must share with a section to be read as it. */
const HEADERS_TO_KNOW = 3;

/** The section whose headers a sheet's header row names most (at least three, and more than any other), or null. */
function byHeaders(grid: Grid): SheetDef | null {
  const scored = SHEETS.map((d) => ({ d, n: knownHeaders(d, grid.numbers, grid.cells) })).sort((a, b) => b.n - a.n);
  const [best, next] = scored;
  return best.n >= HEADERS_TO_KNOW && best.n > (next?.n ?? 0) ? best.d : null;
}

/** The section whose name is closest to a sheet's, to name in a warning. */
const closestSheet = (name: string): SheetDef =>
  SHEETS.find(
    (d) =>
      d.label ===
      closest(
        name.trim(),
        SHEETS.map((x) => x.label),
      ),
  ) ?? SHEETS[0];

/** A sheet's rows, its merged ranges filled in: cells by row, whether each row was blank as written, and its hidden and struck-through rows. */
interface Grid {
  numbers: number[];
  cells: (row: number) => Plain[];
  written: (row: number) => boolean;
  hidden: Set<number>;
  struck: Set<number>;
}

async function sheetGrid(ws: OpenSheet): Promise<Grid> {
  const rows = new Map<number, Plain[]>();
  const hidden = new Set<number>();
  const struck = new Set<number>();
  for await (const row of ws.rows()) {
    rows.set(row.number, row.values);
    if (row.hidden) hidden.add(row.number);
    if (row.struck) struck.add(row.number);
  }
  const written = new Map([...rows].map(([r, cs]) => [r, cs.every((p) => isBlank(p ?? null))]));
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
      const cs = rows.get(r) ?? [];
      rows.set(r, cs);
      if (!written.has(r)) written.set(r, true);
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) cs[c] = top;
    }
  }
  return { numbers: [...rows.keys()].sort((a, b) => a - b), cells: (r) => rows.get(r) ?? [], written: (r) => written.get(r) ?? true, hidden, struck };
}

const sectionOf = (def: SheetDef): Section | null => SECTIONS.find((s) => SECTION_DEFS[s].sheet === def) ?? null;

/** `cap`: errors built (the rest counted); --annotate asks for all of them. */
export async function readWorkbook(task: FileTask, validate: DocumentValidator, rules: ReadRules, cap = SHOWN): Promise<FileResult> {
  const { index, file } = task;
  const diags = new Diagnostics(cap);
  const report = (d: Diagnostic) => (diags.wants(d.severity) ? diags.add(d) : diags.count(d.severity, 1, d.code));
  const invalid = (): FileResult => ({ index, file, status: 'invalid', errors: diags.errors, errorCount: diags.errorCount, warnings: diags.warnings });
  const whole = (code: string, msg: Diagnostic['msg']) => diags.add({ severity: 'error', ...wholeFile(file), path: null, code, msg });

  let size: number;
  try {
    size = statSync(task.path).size;
  } catch (e) {
    whole('file', { id: 'read_failed', params: { reason: (e as NodeJS.ErrnoException).code ?? String(e) } });
    return invalid();
  }
  if (size > MAX_FILE_BYTES) {
    whole('file', { id: 'too_large', params: { size: `${(size / 2 ** 20).toFixed(1)} MiB`, limit: `${MAX_FILE_BYTES / 2 ** 20} MiB` } });
    return invalid();
  }
  const hash = hashFile(task.path)!;

  const parsed: ParsedSheet[] = [];
  const others: string[] = [];
  const warn = (sheet: string, code: string, msg: Diagnostic['msg'], row = 1) =>
    report({ severity: 'warning', ...cellPlace(file, sheet, row, 1, null, null), path: null, code, msg });
  let reading: string | null = null;
  let exported = false;
  try {
    for await (const ws of openWorkbook(task.path)) {
      reading = ws.name;
      exported = ws.exported;
      let def = sheetDef(ws.name);
      // A hidden sheet is not what the branch sees and sends (an old draft kept out of sight): not read, and said when it
      // holds a section's records (by its name or its headers); the template's hidden lists pass quietly.
      if (ws.state === 'hidden' || ws.state === 'veryHidden') {
        if (def || byHeaders(await sheetGrid(ws))) warn(ws.name, 'sheet_hidden', { id: 'sheet_hidden', params: { sheet: ws.name } });
        else others.push(ws.name);
        continue;
      }
      if (!def && NOT_DATA_SHEETS.has(ws.name.trim())) {
        others.push(ws.name);
        continue;
      }
      const twin = def && parsed.find((p) => p.def === def);
      if (def && twin) {
        report({
          severity: 'error',
          ...cellPlace(file, ws.name, 1, 1, null, null),
          path: null,
          code: 'duplicate_id',
          msg: { id: 'sheet_twice', params: { section: def.label, first: twin.name } },
        });
        continue;
      }
      const grid = await sheetGrid(ws);
      if (!def) {
        // A sheet named otherwise (Sheet1, 二季度) is read by its headers when they are one section's, and said so; else it is named as not read.
        const guess = byHeaders(grid);
        if (guess === null || parsed.some((p) => p.def === guess)) {
          others.push(ws.name);
          if (grid.numbers.some((r) => !grid.written(r)))
            warn(ws.name, 'sheet_not_read', { id: 'sheet_not_read', params: { sheet: ws.name, closest: (guess ?? closestSheet(ws.name)).label } });
          continue;
        }
        def = guess;
        warn(ws.name, 'sheet_by_headers', { id: 'sheet_by_headers', params: { sheet: ws.name, section: def.label } });
      }
      parsed.push(parseSheet(file, ws.name, def, grid.numbers, grid.cells, grid.written, report, ws.date1904));
      markedRows(parsed[parsed.length - 1], grid, (sheet, row, code, msg) => warn(sheet, code, msg, row));
    }
  } catch (e) {
    // A limit passed says which, at the cell the read had reached; anything else is a damaged file (the zip's or XML reader's words, for English output).
    if (e instanceof LimitError && reading !== null) {
      diags.add({ severity: 'error', ...cellPlace(file, reading, e.at.row || 1, e.at.col || 1, null, null), path: null, code: 'file', msg: e.msg });
    } else whole('file', e instanceof LimitError ? e.msg : { id: 'xlsx_damaged', params: { reason: (e as Error).message.split('\n')[0] } });
    return invalid();
  }
  if (parsed.length === 0) {
    whole('file', { id: 'xlsx_no_sheets', params: { sheets: others.join('、') || '—', expected: SHEETS.map((d) => d.label).join('、') } });
    return invalid();
  }
  return records(task, hash, size, parsed, validate, rules, diags, report, exported);
}

/** A finding placed at its cell: the field's column in the sheet's layout (its first part for a group), else the row's first cell. */
function placer(file: string, report: (d: Diagnostic) => void): Place {
  return (sheet, row, f) => {
    const rest = f.path.filter((s) => typeof s === 'string').join('.');
    const missing = f.code === 'required' ? (f.msg.params as { field?: string } | undefined)?.field : undefined;
    const field = missing ? (rest ? `${rest}.${missing}` : missing) : rest;
    if (row.badFields.has(field)) return;
    const at = sheet.layout[field] ?? (field ? Object.entries(sheet.layout).find(([k]) => k.startsWith(`${field}.`))?.[1] : undefined);
    const col = at?.[0] ?? 1;
    report({
      severity: 'error',
      ...cellPlace(file, sheet.name, row.row, col, at?.[1] ?? null, row.cells[col] ?? null),
      path: field || null,
      code: f.code,
      msg: f.msg,
    });
  };
}

/** A row's quarter, normalised; null (with its error placed) when missing or malformed. */
function periodReader(validate: DocumentValidator, place: Place) {
  return (sheet: ParsedSheet, row: SheetRow): string | null => {
    if (row.period === undefined) {
      place(sheet, row, { path: [], key: false, code: 'required', msg: { id: 'required', params: { field: 'period' } } });
      return null;
    }
    if (validate.shell({ period: row.period })) return normalizePeriod(row.period as string);
    for (const f of schemaFindings(validate.shell.errors ?? [])) place(sheet, row, f);
    return null;
  };
}

/** What reading one sheet's records needs. */
interface SheetContext {
  file: string;
  validate: DocumentValidator;
  rules: ReadRules;
  place: Place;
  periodOf: ReturnType<typeof periodReader>;
  attached: Attached[];
  into: SectionRecords;
  present: Present;
}

/** One section's sheet → records: one document per quarter, as a YAML file would hold them, each record keeping its row. */
function readSheet(sheet: ParsedSheet, section: Section, c: SheetContext): void {
  const { place } = c;
  const quarterColumn = sheet.def.columns.some((x) => x.field === 'period');
  // Every row of a period-scoped sheet names its quarter; a member's row may (else its workbook's quarter applies).
  const scoped = quarterColumn && SECTION_DEFS[section].period !== undefined;
  const docs = new Map<string | null, { rows: SheetRow[]; taken: (Taken | null)[] }>();
  // An error in a record's list (a deduction, a recheck) is placed at that item's own row.
  const placeIn = (row: SheetRow, taken: Taken | null, f: Finding, path: Finding['path']) => {
    const j = taken && path[0] === taken.field && typeof path[1] === 'number' ? path[1] : -1;
    if (j >= 0) place(taken!.sheet, taken!.rows[j], { ...f, path: path.slice(2) });
    else place(sheet, row, { ...f, path });
  };
  for (const row of sheet.rows) {
    const dated = scoped || (quarterColumn && row.period !== undefined);
    const period = dated ? c.periodOf(sheet, row) : null;
    if (dated && period === null) continue;
    const taken = attach(c.attached, section, row.raw, period);
    const check = c.validate.records[section];
    if (!check(row.raw)) {
      for (const f of schemaFindings(check.errors ?? [])) placeIn(row, taken, f, f.path);
      continue;
    }
    if (row.bad) continue;
    const doc = docs.get(period) ?? { rows: [], taken: [] };
    doc.rows.push(row);
    doc.taken.push(taken);
    docs.set(period, doc);
  }
  for (const [period, doc] of docs) {
    const data = { ...(period ? { period } : {}), [section]: doc.rows.map((r) => r.raw) };
    const found = (f: Finding) => {
      const i = f.path[1] as number;
      placeIn(doc.rows[i], doc.taken[i], f, f.path.slice(2));
    };
    for (const p of collectRecords(data, c.file, (_, i) => doc.rows[i].row, c.rules.stars.max_points, c.into, found)) if (p.period) c.present.push(p);
  }
}

/** The parsed sheets → records, through the same schemas and record checks as YAML. */
function records(
  task: FileTask,
  hash: string,
  bytes: number,
  parsed: ParsedSheet[],
  validate: DocumentValidator,
  rules: ReadRules,
  diags: Diagnostics,
  report: (d: Diagnostic) => void,
  exported: boolean,
): FileResult {
  const { index, file } = task;
  const place = placer(file, report);
  const periodOf = periodReader(validate, place);
  // The attached sheets first: each valid row goes to the record it names (a member's points of its quarter, a problem).
  const attached = readAttached(parsed, periodOf, place);
  const c: SheetContext = { file, validate, rules, place, periodOf, attached, into: emptySections(), present: [] };
  const sheets: Partial<Record<Section, SheetLayout>> = {};
  for (const sheet of parsed) {
    const section = sectionOf(sheet.def);
    if (!section) continue;
    sheets[section] = { sheet: sheet.name, layout: sheet.layout };
    c.present.push({ section, period: null });
    readSheet(sheet, section, c);
  }
  orphans(attached, periodOf, place);
  // A workbook cxzy exported gives each member's quarter in its row, or none (from the start).
  if (!exported) datedByWorkbook(c.into);
  if (diags.errorCount > 0) {
    // In reading order: sheet by sheet, row by row, cell by cell (a row's own checks come after its cells').
    const order = new Map(parsed.map((p, i) => [p.name, i]));
    const key = (d: Diagnostic) => [order.get(d.cell?.sheet ?? '') ?? -1, d.line, d.col];
    diags.errors.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    });
    return { index, file, status: 'invalid', errors: diags.errors, errorCount: diags.errorCount, warnings: diags.warnings };
  }
  vagueWarnings(parsed, c.into, rules, file, diags);
  const names = parsed.flatMap((p) => p.names.filter((n) => n.rows.length > 0));
  // The quarters its 季度 columns name (reviews, points): its own.
  const named = [...new Set([...c.into.reviews, ...c.into.points].map((x) => x.period))];
  return {
    index,
    file,
    status: 'ok',
    hash,
    bytes,
    rows: rowsOf(c.into),
    periods: periodsOf(c.into, c.present),
    named,
    warnings: diags.warnings,
    sheets,
    names,
  };
}

/** A member's row that names no quarter states the member from the workbook's, when its period-scoped rows name one (SPEC §1 members). */
function datedByWorkbook(into: SectionRecords): void {
  const quarters = new Set<string>();
  for (const s of SECTIONS) if (SECTION_DEFS[s].period) for (const r of into[s] as { period: string }[]) quarters.add(r.period);
  if (quarters.size !== 1) return;
  const [quarter] = quarters;
  for (const m of into.members) if (m.period === UNDATED) m.period = quarter;
}

/** A warning at the content cell of each vague pledge. */
function vagueWarnings(parsed: ParsedSheet[], into: SectionRecords, rules: ReadRules, file: string, diags: Diagnostics): void {
  const pledges = parsed.find((p) => p.def === SECTION_DEFS.pledges.sheet);
  if (!pledges) return;
  const pledgeRows = new Map(pledges.rows.map((r) => [r.row, r]));
  for (const p of into.pledges) {
    const reasons = vagueReasons(p.content, rules.pledges);
    if (!reasons.length) continue;
    const row = pledgeRows.get(p.src.line)!;
    const at = pledges.layout.content;
    diags.add({
      severity: 'warning',
      ...cellPlace(file, pledges.name, row.row, at[0], at[1], row.cells[at[0]] ?? null),
      path: null,
      code: 'vague_pledge',
      msg: { id: 'vague_pledge', params: { reasons } },
    });
  }
}
