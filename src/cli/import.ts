import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { withOptions } from './command.js';
import { UsageError } from '../core/errors.js';
import { formatOf } from './context.js';
import { t } from '../render/i18n/index.js';
import { importFiles } from '../pipeline/pipeline.js';
import { loadRulesOrReport } from './rules-loader.js';
import { printIngest } from './ingest-output.js';
import { withProgress } from './progress.js';

export const importCommand: CommandSpec = {
  define: (lang) =>
    withOptions(
      new Command('import')
        .description(t(lang, 'h_import'))
        .argument('<paths...>', t(lang, 'h_paths'))
        .option('--replace', t(lang, 'h_replace'))
        .option('--org <code>', t(lang, 'h_replace_org'))
        .option('--dry-run', t(lang, 'h_dry_run')),
      lang,
      'strict',
    ),
  async run(ctx, cmd) {
    const format = formatOf(ctx, ['table', 'json'] as const);
    const rules = loadRulesOrReport(ctx);
    const o = cmd.opts<{ replace?: boolean; org?: string; dryRun?: boolean; strict?: boolean }>();
    if (o.org !== undefined && !o.replace) throw new UsageError({ id: 'org_needs_replace' });
    // Ctrl-C while the files are read: the import stops there and writes nothing (a database it created goes too).
    const stop = new AbortController();
    const interrupted = () => stop.abort();
    process.once('SIGINT', interrupted);
    let r: Awaited<ReturnType<typeof importFiles>>;
    try {
      r = await withProgress(ctx, ctx.t('progress_import'), (onFile) =>
        importFiles(cmd.args, ctx.db, rules, {
          strict: o.strict === true,
          replace: o.replace === true,
          org: o.org ?? null,
          dryRun: o.dryRun === true,
          cwd: ctx.cwd,
          env: ctx.env,
          onFile,
          signal: stop.signal,
        }),
      );
    } finally {
      process.off('SIGINT', interrupted);
    }
    // Imported from the wrong folder, a new database would go unnoticed: say so.
    if (r.created) ctx.note(ctx.t('db_created', { db: ctx.db.path }));
    const summary = o.dryRun ? ctx.t('dry_run', { files: r.files }) : ctx.c.green(ctx.t('import_ok', { files: r.files, db: ctx.db.name }));
    printIngest(ctx, r, format, summary);
  },
};
