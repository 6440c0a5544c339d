import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { withOptions } from './command.js';
import { formatOf } from './context.js';
import { annotate } from './annotate.js';
import { SHOWN } from '../core/diagnostic.js';
import { t } from '../render/i18n/index.js';
import { validateFiles } from '../pipeline/pipeline.js';
import { loadRulesOrReport } from './rules-loader.js';
import { printIngest } from './ingest-output.js';
import { withProgress } from './progress.js';
import { SUMMARY_FORMATS } from './output.js';

export const validateCommand: CommandSpec = {
  define: (lang) =>
    withOptions(
      new Command('validate')
        .description(t(lang, 'h_validate'))
        .argument('<paths...>', t(lang, 'h_paths'))
        .option('--annotate <dir>', t(lang, 'h_annotate'))
        .option('--verbose', t(lang, 'h_verbose')),
      lang,
      'strict',
    ),
  async run(ctx, cmd) {
    const format = formatOf(ctx, SUMMARY_FORMATS);
    const rules = loadRulesOrReport(ctx);
    const o = cmd.opts<{ strict?: boolean; annotate?: string; verbose?: boolean }>();
    const r = await withProgress(ctx, ctx.t('progress_validate'), (onFile) =>
      validateFiles(cmd.args, ctx.db, rules, { strict: o.strict === true, cwd: ctx.cwd, env: ctx.env, onFile, allErrors: o.annotate !== undefined }),
    );
    if (o.annotate !== undefined) {
      await annotate(ctx, r.diags.errors, o.annotate, r.inputs);
      r.diags.errors.splice(SHOWN);
    }
    await printIngest(ctx, r, format, ctx.c.green(ctx.t('valid_ok', { files: r.files, records: r.records })), { verbose: o.verbose === true });
  },
};
