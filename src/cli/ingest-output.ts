// What validate and import print: diagnostics, then a summary (or one JSON object).
import { Reported } from '../core/errors.js';
import type { Ctx } from './context.js';
import type { IngestResult } from '../pipeline/pipeline.js';
import { diagnosticsJson, formatDiagnostics } from '../render/diagnostics.js';
import { tableLines } from '../render/text.js';
import { changeLines, scopeLines } from '../render/changes.js';
import { num, text } from '../render/doc.js';
import { word } from '../render/i18n/index.js';
import { SECTIONS } from '../core/model.js';
import type { Diagnostics } from '../core/diagnostic.js';
import type { SectionCounts } from '../store/batch/commit.js';

export function printIngest(ctx: Ctx, r: IngestResult, format: 'table' | 'json', summary: string): void {
  const valid = r.diags.errorCount === 0;
  if (format === 'json') {
    const out: Record<string, unknown> = { valid, ...diagnosticsJson(r.diags, ctx.lang), cross_checked: r.crossChecked };
    if (r.counts) out.sections = r.counts;
    if (r.replace) out.replace = r.replace;
    if (r.changes) out.changes = r.changes;
    if (r.number !== null) out.import = r.number;
    out.files = r.files;
    ctx.printJson(out);
    if (!valid) throw new Reported();
    return;
  }
  printDiagnostics(ctx, r.diags);
  // The checks across files run only once every file reads cleanly: say so, or the next run's errors surprise.
  if (!valid && !r.crossChecked) ctx.stderr.write(`${ctx.ce.yellow(ctx.t('cross_not_run'))}\n`);
  if (!valid) {
    ctx.stderr.write(`${ctx.ce.red(ctx.t('invalid'))} (${ctx.t('n_errors', { n: r.diags.errorCount })})\n`);
    throw new Reported();
  }
  if (!ctx.quiet) {
    ctx.print(summary);
    if (r.changes) ctx.printLines(changeLines(ctx.lang, r.changes, r.orgNames, ctx.c));
    if (r.counts) printCounts(ctx, r.counts);
    if (r.replace) ctx.printLines(scopeLines(ctx.lang, r.replace, r.orgNames));
    if (r.number !== null) ctx.print(ctx.t('import_number', { n: r.number }));
    else if (r.counts && r.changes === null) ctx.print(ctx.t('import_unchanged'));
  }
}

/** Inserted, updated, unchanged and removed records per section, as a table. */
export function printCounts(ctx: Ctx, counts: SectionCounts): void {
  const rows = SECTIONS.map((s) => {
    const c = counts[s];
    return [text(word(ctx.lang, s)), num(c.inserted), num(c.updated), num(c.unchanged), num(c.removed)];
  });
  const headers = [ctx.t('section'), ctx.t('inserted'), ctx.t('updated'), ctx.t('unchanged'), ctx.t('removed')];
  ctx.printLines(tableLines({ headers, rows, align: ['left', 'right', 'right', 'right', 'right'] }, ctx.c));
}

export function printDiagnostics(ctx: Ctx, diags: Diagnostics): void {
  const text = formatDiagnostics(diags, ctx.lang, ctx.ce, ctx.quiet);
  if (text) ctx.stderr.write(`${text}\n`);
  if (diags.warningCount && !ctx.quiet) ctx.stderr.write(`${ctx.ce.yellow(ctx.t('n_warnings', { n: diags.warningCount }))}\n`);
}
