// What validate and import print: diagnostics, then a summary (or one JSON object).
import { PartlyImported, Reported } from '../core/errors.js';
import type { Ctx } from './context.js';
import { summarize } from './output.js';
import type { FormatName } from '../render/formats/index.js';
import type { IngestResult } from '../pipeline/pipeline.js';
import { diagnosticsJson, formatDiagnostics } from '../render/views/diagnostics.js';
import { tableLines } from '../render/formats/text.js';
import { changeLines, countsTable, scopeLines } from '../render/views/changes.js';
import { Diagnostics } from '../core/diagnostic.js';
import type { LeftOut } from '../pipeline/skip.js';
import type { SectionCounts } from '../store/batch/commit.js';

/**
 * What validate and import say, in `format`: the diagnostics and a summary on
 * the terminal, or one object in SPEC's keys. `left`: the files import
 * --skip-invalid left out; their errors come first, the batch's result is then
 * said as always, and the run ends with exit 4 (1 when nothing was left to
 * import). `limit`: the changes a dry run lists in full (--limit).
 */
export async function printIngest(
  ctx: Ctx,
  r: IngestResult,
  format: FormatName,
  summary: string,
  { left = [], limit = Infinity, verbose = false }: { left?: LeftOut[]; limit?: number; verbose?: boolean } = {},
): Promise<void> {
  const diags = withLeftOut(r.diags, left);
  // The batch that was imported held: its own errors, not the left-out files', decide whether it was written.
  const imported = r.diags.errorCount === 0 && (left.length === 0 || r.files > 0);
  await summarize(ctx, format, {
    data: () => ingestJson(ctx, r, diags, left),
    print: () => printSummary(ctx, r, diags, summary, { left, limit, verbose, imported }),
  });
  finish(r, left, imported);
}

/** The object validate and import write as JSON. */
function ingestJson(ctx: Ctx, r: IngestResult, diags: Diagnostics, left: LeftOut[]): Record<string, unknown> {
  const out: Record<string, unknown> = { valid: diags.errorCount === 0, ...diagnosticsJson(diags, ctx.lang), cross_checked: r.crossChecked };
  if (r.counts) out.sections = r.counts;
  if (r.replace) out.replace = r.replace;
  if (r.changes) out.changes = r.changes;
  if (r.number !== null) out.import = r.number;
  out.files = r.files;
  if (left.length) out.left_out = left.map((l) => ({ file: l.file, errors: l.errors.length }));
  return out;
}

/** The diagnostics on stderr, then what was imported (or why nothing was). */
function printSummary(
  ctx: Ctx,
  r: IngestResult,
  diags: Diagnostics,
  summary: string,
  { left, limit, verbose, imported }: { left: LeftOut[]; limit: number; verbose: boolean; imported: boolean },
): void {
  printDiagnostics(ctx, diags, verbose);
  // The checks across files run only once every file reads cleanly: say so, or the next run's errors surprise.
  if (r.diags.errorCount > 0 && !r.crossChecked) ctx.stderr.write(`${ctx.ce.yellow(ctx.t('cross_not_run'))}\n`);
  for (const l of left) ctx.stderr.write(`${ctx.ce.yellow(ctx.t('left_out_file', { file: l.file, n: l.errors.length }))}\n`);
  if (!imported) {
    const why = left.length && r.diags.errorCount === 0 ? ctx.t('all_left_out') : ctx.t('invalid');
    ctx.stderr.write(`${ctx.ce.red(why)} (${ctx.t('n_errors', { n: diags.errorCount })})\n`);
    return;
  }
  if (!ctx.quiet) {
    ctx.print(summary);
    if (r.changes) ctx.printLines(changeLines(ctx.lang, r.changes, r.orgNames, ctx.c, limit));
    if (r.counts) printCounts(ctx, r.counts);
    if (r.replace) ctx.printLines(scopeLines(ctx.lang, r.replace, r.orgNames));
    if (r.number !== null) ctx.print(ctx.t('import_number', { n: r.number }));
    else if (r.counts && r.changes === null) ctx.print(ctx.t('import_unchanged'));
  }
  if (left.length) ctx.stderr.write(`${ctx.ce.yellow(ctx.t('left_out', { n: left.length }))}\n`);
}

/** The exit: 1 when nothing was imported for errors, 4 when files were left out, else 0. */
function finish(r: IngestResult, left: LeftOut[], imported: boolean): void {
  if (!imported && (r.diags.errorCount > 0 || left.length)) throw new Reported();
  if (left.length) throw new PartlyImported();
}

/** The left-out files' errors, then the batch's own diagnostics. */
function withLeftOut(own: Diagnostics, left: LeftOut[]): Diagnostics {
  if (!left.length) return own;
  const all = new Diagnostics();
  for (const l of left) for (const d of l.errors) all.add(d);
  for (const d of [...own.errors, ...own.warnings]) all.add(d);
  all.count('error', own.errorCount - own.errors.length);
  for (const [code, n] of own.warningKinds) all.count('warning', n - own.warnings.filter((w) => w.code === code).length, code);
  return all;
}

/** Inserted, updated, unchanged and removed records per section, as a table. */
export function printCounts(ctx: Ctx, counts: SectionCounts): void {
  ctx.printLines(tableLines(countsTable(ctx.lang, counts), ctx.c));
}

export function printDiagnostics(ctx: Ctx, diags: Diagnostics, verbose = false): void {
  const text = formatDiagnostics(diags, ctx.lang, ctx.ce, ctx.quiet, verbose);
  if (text) ctx.stderr.write(`${text}\n`);
  if (diags.warningCount && !ctx.quiet) ctx.stderr.write(`${ctx.ce.yellow(ctx.t('n_warnings', { n: diags.warningCount }))}\n`);
}
