import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { withOptions } from './command.js';
import { formatOf } from './context.js';
import { t } from '../render/i18n/index.js';
import { validateFiles } from '../pipeline/pipeline.js';
import { loadRulesOrReport } from './rules-loader.js';
import { printIngest } from './ingest-output.js';
import { withProgress } from './progress.js';

export const validateCommand: CommandSpec = {
  define: (lang) => withOptions(new Command('validate').description(t(lang, 'h_validate')).argument('<paths...>', t(lang, 'h_paths')), lang, 'strict'),
  async run(ctx, cmd) {
    const format = formatOf(ctx, ['table', 'json'] as const);
    const rules = loadRulesOrReport(ctx);
    if (!rules) return 1;
    const r = await withProgress(ctx, ctx.t('progress_validate'), (onFile) =>
      validateFiles(cmd.args, ctx.db, rules, { strict: cmd.opts().strict === true, cwd: ctx.cwd, env: ctx.env, onFile }),
    );
    return printIngest(ctx, r, format, ctx.c.green(ctx.t('valid_ok', { files: r.files, records: r.records })));
  },
};
