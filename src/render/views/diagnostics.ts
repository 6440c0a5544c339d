// Diagnostics as the user reads them:
//   2011Q1/reviews.yaml:14:11  reviews[3].self: 必须在 0 到 100 之间，实际为 120
//      14 |     self: 120
//         |           ^^^
import stringWidth from 'string-width';
import type { ChalkInstance } from 'chalk';
import type { Diagnostic, Diagnostics } from '../../core/diagnostic.js';
import { t, tm, word, type Lang } from '../i18n/index.js';
import { printable } from '../../core/text.js';
import { groupBy } from '../../core/collections.js';
import { punct } from '../i18n/punctuation.js';
import { fieldLabel } from '../../core/columns.js';

function formatDiagnostic(d: Diagnostic, lang: Lang, c: ChalkInstance): string {
  const where = d.cell ? `${printable(d.file)}:${printable(d.cell.sheet)}!${d.cell.ref}` : `${printable(d.file)}:${d.line}:${d.col}`;
  const label = d.severity === 'error' ? c.red.bold(t(lang, 'error')) : c.yellow.bold(t(lang, 'warning'));
  const message = printable(tm(lang, d.msg));
  // In a workbook the column's header names the field, as the user wrote it (without the required mark).
  // A workbook's column that is not there is named as a sheet names it, not by its YAML field.
  const field = d.cell?.header
    ? printable(d.cell.header.replace(/\*$/, ''))
    : d.cell && d.path && lang === 'zh'
      ? (fieldLabel(null, d.path) ?? d.path)
      : d.path;
  const head = `${c.bold(where)}  ${label}  ${field ? `${field}: ` : ''}${message}`;
  // A cell: its column's header and what it holds, in place of a source line.
  if (d.cell) {
    const { header, value } = d.cell;
    if (header === null) return head;
    const shown =
      value === null ? t(lang, 'cell_header', { header: printable(header) }) : t(lang, 'cell_shown', { header: printable(header), value: printable(value) });
    return `${head}\n   ${shown}`;
  }
  if (d.source === null) return head;
  const gutter = String(d.line).length + 2;
  // Cut first, then made printable (each character keeps its length): a line of 50 MB costs its window, not its length.
  const cut = window(d.source, d.col, d.endCol);
  const { col, endCol } = cut;
  const source = safeSource(cut.source);
  const before = stringWidth(source.slice(0, col - 1));
  const span = Math.max(1, Math.min(60, stringWidth(source.slice(col - 1, endCol - 1))));
  const mark = d.severity === 'error' ? c.red : c.yellow;
  return [head, `${String(d.line).padStart(gutter)} | ${source}`, `${' '.repeat(gutter)} | ${' '.repeat(before)}${mark('^'.repeat(span))}`].join('\n');
}

/**
 * The source line made printable, each character kept at its column: a
 * character that would be escaped is shown as U+FFFD, so the caret stays under
 * the value.
 */
const safeSource = (s: string) => s.replace(/\t/g, ' ').replace(/[^\t]/gu, (ch) => (printable(ch) === ch ? ch : '\ufffd'.repeat(ch.length)));

const WINDOW = 100;

/** Cut a long source line to about WINDOW characters around the error, marking the cuts with …. */
function window(source: string, col: number, endCol: number): { source: string; col: number; endCol: number } {
  if (source.length <= WINDOW) return { source, col, endCol };
  const start = Math.max(0, Math.min(col - 1 - WINDOW / 2, source.length - WINDOW));
  const end = Math.min(source.length, start + WINDOW);
  const head = start > 0 ? '…' : '';
  const cut = head + source.slice(start, end) + (end < source.length ? '…' : '');
  const shift = start - head.length;
  return { source: cut, col: col - shift, endCol: Math.min(endCol - shift, cut.length + 1) };
}

/** A kind with more warnings than this shows only its first few on the terminal. */
const SUMMARISE = 10;
const EXAMPLES = 3;
/** Orgs whose resubmissions the terminal names; the rest are counted. */
const RESUBMITTING_ORGS = 20;

/** Warnings of what changes stored data: each on its own line, first (SPEC §3). */
const CHANGES_STORED = new Set(['resubmission', 'member_moved', 'member_old_roster', 'org_moved']);
/** Warnings of which one batch may hold thousands: one line per branch and quarter, with a count and the first few. */
const BY_BRANCH = new Set(['no_points']);

/** `errorsOnly` for --quiet, which prints errors and nothing else; `verbose` lists every warning. */
export function formatDiagnostics(diags: Diagnostics, lang: Lang, c: ChalkInstance, errorsOnly = false, verbose = false): string {
  const parts = errorLines(diags, lang, c);
  if (errorsOnly) return parts.join('\n');
  const [first, many, rest]: Diagnostic[][] = [[], [], []];
  for (const d of diags.warnings) (CHANGES_STORED.has(d.code) ? first : !verbose && BY_BRANCH.has(d.code) ? many : rest).push(d);
  // How many of each kind are said, on a line of their own or in a branch's line.
  const shown = new Map<string, number>();
  const said = (d: Diagnostic) => shown.set(d.code, (shown.get(d.code) ?? 0) + 1);
  for (const d of first) {
    parts.push(formatDiagnostic(d, lang, c));
    said(d);
  }
  // Warnings of one kind beyond a handful: a few examples, then how many more and where to see them all.
  for (const d of rest) {
    if (!verbose && (diags.warningKinds.get(d.code) ?? 0) > SUMMARISE && (shown.get(d.code) ?? 0) >= EXAMPLES) continue;
    said(d);
    parts.push(formatDiagnostic(d, lang, c));
  }
  parts.push(...byBranch(many, lang, c));
  many.forEach(said);
  // Past the warnings kept, those not said are counted too, of every kind.
  for (const [code, total] of diags.warningKinds) {
    const more = total - (shown.get(code) ?? 0);
    if (more > 0) parts.push(c.yellow(t(lang, 'warnings_kind_more', { n: more, kind: word(lang, `w_${code}`) })));
  }
  return parts.join('\n');
}

/** The errors, but those of resubmissions past the first orgs counted on one line. */
function errorLines(diags: Diagnostics, lang: Lang, c: ChalkInstance): string[] {
  const parts: string[] = [];
  const orgs = new Set<unknown>();
  let more = 0;
  const others = new Set<unknown>();
  for (const d of diags.errors) {
    const org = d.code === 'resubmission' ? d.extra?.org : undefined;
    if (org !== undefined && !orgs.has(org) && orgs.size >= RESUBMITTING_ORGS) {
      more++;
      others.add(org);
      continue;
    }
    if (org !== undefined && others.has(org)) {
      more++;
      continue;
    }
    if (org !== undefined) orgs.add(org);
    parts.push(formatDiagnostic(d, lang, c));
  }
  if (more > 0) parts.push(c.red(t(lang, 'resubmission_more', { orgs: others.size, n: more })));
  if (diags.errorCount > diags.errors.length) parts.push(t(lang, 'errors_more', { n: diags.errorCount - diags.errors.length }));
  return parts;
}

/** One line per branch and quarter for warnings of one kind about many members: the count and the first few. */
function byBranch(list: Diagnostic[], lang: Lang, c: ChalkInstance): string[] {
  const groups = groupBy(list, (d) => {
    const p = d.msg.params as { org: string; period: string };
    return `${d.code}\u0000${p.org}\u0000${p.period}`;
  });
  return [...groups.values()].map((g) => {
    const p = g[0].msg.params as { org: string; period: string };
    const ids = g.slice(0, EXAMPLES).map((d) => {
      const m = d.msg.params as { id: string; name: string };
      return `${m.id} ${m.name}`;
    });
    const label = c.yellow.bold(t(lang, 'warning'));
    return `${label}  ${printable(t(lang, 'no_points_branch', { org: p.org, period: p.period, n: g.length, ids: ids.join(punct(lang, 'list')), more: g.length > EXAMPLES ? 1 : 0 }))}`;
  });
}

/** The JSON form of SPEC §3: errors carry a path, warnings do not. */
export function diagnosticsJson(diags: Diagnostics, lang: Lang) {
  const entry = (d: Diagnostic, withPath: boolean) => ({
    file: d.file,
    line: d.line,
    col: d.col,
    ...cellJson(d),
    ...(withPath ? { path: d.path } : {}),
    code: d.code,
    message: tm(lang, d.msg),
    ...d.extra,
  });
  return {
    errors: diags.errors.map((d) => entry(d, true)),
    warnings: diags.warnings.map((d) => entry(d, false)),
    error_count: diags.errorCount,
    warning_count: diags.warningCount,
  };
}

/** A workbook's place: `sheet` and `cell` beside the row (`line`) and column number (`col`). */
const cellJson = (d: Diagnostic) => (d.cell ? { sheet: d.cell.sheet, cell: d.cell.ref } : {});
