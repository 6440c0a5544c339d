import { Command } from 'commander';
import type { CommandSpec } from './main.js';
import { formatOf } from './context.js';
import { t } from '../render/i18n.js';
import { importFiles } from '../ingest.js';
import { loadRulesOrReport } from './rules-loader.js';
import { printIngest } from './ingest-output.js';
import { withProgress } from './progress.js';

export const importCommand: CommandSpec = {
  define: (lang) =>
    new Command('import')
    .description(t(lang, 'h_import'))
    .argument('<paths...>', t(lang, 'h_paths'))
    .option('--replace', t(lang, 'h_replace'))
    .option('--dry-run', t(lang, 'h_dry_run'))
    .option('--strict', t(lang, 'h_strict')),
  async run(ctx, cmd) {
    const format = formatOf(ctx, ['table', 'json'] as const);
    const rules = loadRulesOrReport(ctx);
    if (!rules) return 1;
    const o = cmd.opts<{ replace?: boolean; dryRun?: boolean; strict?: boolean }>();
    const r = await withProgress(ctx, ctx.t('progress_import'), (onFile) =>
      importFiles(cmd.args, ctx.db, rules, { strict: o.strict === true, replace: o.replace === true, dryRun: o.dryRun === true, onFile }),
    );
    const files = r.batch.files.length;
    const summary = o.dryRun ? ctx.t('dry_run', { files }) : ctx.c.green(ctx.t('import_ok', { files, db: ctx.db }));
    return printIngest(ctx, r, format, summary);
  },
};
