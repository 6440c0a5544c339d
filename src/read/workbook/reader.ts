// A filled workbook → the same rows, warnings and errors as a YAML file of the
// same records: one more reader of the pipeline's read step. The workbook is
// streamed sheet by sheet (memory follows the largest sheet); each sheet named
// by a section is parsed (sheet.ts), its rows checked by the same record
// schemas and the same record checks as YAML, and every error is placed at
// its cell. Sheets with other names (填表说明) are left alone.
import { statSync } from 'node:fs';
import { Diagnostics, SHOWN, wholeFile, type Diagnostic } from '../../core/diagnostic.js';
import { hashFile, type FileResult, type FileTask, type ReadRules } from '../task.js';
import { MAX_FILE_BYTES } from '../limits.js';
import { periodsOf, rowsOf } from '../rows.js';
import type { DocumentValidator } from '../schemas.js';
import { openWorkbook } from './open.js';
import { LimitError } from './budget.js';
import { cellPlace, type ParsedSheet } from './sheet.js';
import { byHeaders, closestSheet, hiddenHolds, isHidden, NOT_DATA_SHEETS, parseGrid, SHEETS, sheetDef, sheetGrid, sheetWarning } from './sheets.js';
import { datedByWorkbook, namedQuarters, sheetRecords, vagueWarnings } from './sheet-records.js';

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
  const warn = (sheet: string, code: string, msg: Diagnostic['msg']) => report(sheetWarning(file, sheet, code, msg));
  let reading: string | null = null;
  let exported = false;
  try {
    for await (const ws of openWorkbook(task.path)) {
      reading = ws.name;
      exported = ws.exported;
      let def = sheetDef(ws.name);
      if (isHidden(ws.state)) {
        if (await hiddenHolds(ws, def)) warn(ws.name, 'sheet_hidden', { id: 'sheet_hidden', params: { sheet: ws.name } });
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
      parsed.push(parseGrid(file, ws, def, grid, report));
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
  const { into, present, sheets } = sheetRecords(file, parsed, validate, rules, report);
  // A workbook cxzy exported gives each member's quarter in its row, or none (from the start).
  if (!exported) datedByWorkbook(into);
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
  vagueWarnings(parsed, into, rules, file, (d) => diags.add(d));
  const names = parsed.flatMap((p) => p.names.filter((n) => n.rows.length > 0));
  return {
    index,
    file,
    status: 'ok',
    hash,
    bytes,
    rows: rowsOf(into),
    periods: periodsOf(into, present),
    // The quarters its 季度 columns name (reviews, points): its own.
    named: namedQuarters(into),
    warnings: diags.warnings,
    sheets,
    names,
  };
}
