import { mkdirSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { withOptions } from './command.js';
import { formatOf, type Ctx } from './context.js';
import { SHOWN, type Diagnostic } from '../core/diagnostic.js';
import { UsageError } from '../core/errors.js';
import { groupBy } from '../core/collections.js';
import { t } from '../render/i18n/index.js';
import { validateFiles, type IngestResult } from '../pipeline/pipeline.js';
import { isWorkbook } from '../read/read.js';
import { annotateXlsx } from '../render/annotate.js';
import { loadRulesOrReport } from './rules-loader.js';
import { printIngest } from './ingest-output.js';
import { writeWhole } from './output.js';
import { withProgress } from './progress.js';

export const validateCommand: CommandSpec = {
  define: (lang) =>
    withOptions(
      new Command('validate').description(t(lang, 'h_validate')).argument('<paths...>', t(lang, 'h_paths')).option('--annotate <dir>', t(lang, 'h_annotate')),
      lang,
      'strict',
    ),
  async run(ctx, cmd) {
    const format = formatOf(ctx, ['table', 'json'] as const);
    const rules = loadRulesOrReport(ctx);
    const o = cmd.opts<{ strict?: boolean; annotate?: string }>();
    const r = await withProgress(ctx, ctx.t('progress_validate'), (onFile) =>
      validateFiles(cmd.args, ctx.db, rules, { strict: o.strict === true, cwd: ctx.cwd, env: ctx.env, onFile, allErrors: o.annotate !== undefined }),
    );
    if (o.annotate !== undefined) await annotate(ctx, r, o.annotate);
    printIngest(ctx, r, format, ctx.c.green(ctx.t('valid_ok', { files: r.files, records: r.records })));
  },
};

/** An annotated copy of each workbook with errors into `dir`; then only the errors a run shows are kept for printing. */
async function annotate(ctx: Ctx, r: IngestResult, dir: string): Promise<void> {
  const byFile = groupBy(
    r.diags.errors.filter((d: Diagnostic) => isWorkbook(d.file) && d.cell),
    (d) => d.file,
  );
  // A copy keeps the workbook's path under the folder given (two branches' D01.xlsx stay apart).
  const copyOf = (file: string) => join(dir, isAbsolute(file) || file.startsWith('..') ? basename(file) : file);
  for (const file of byFile.keys()) {
    if (resolve(ctx.cwd, copyOf(file)) === resolve(ctx.cwd, file)) throw new UsageError({ id: 'annotate_onto_input', params: { file } });
  }
  for (const [file, errors] of byFile) {
    mkdirSync(dirname(resolve(ctx.cwd, copyOf(file))), { recursive: true });
    writeWhole(ctx, copyOf(file), await annotateXlsx(resolve(ctx.cwd, file), errors, ctx.lang));
  }
  r.diags.errors.splice(SHOWN);
  ctx.note(byFile.size ? ctx.t('annotated', { n: byFile.size, dir }) : ctx.t('annotate_none'));
}
