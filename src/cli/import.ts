import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { withOptions } from './command.js';
import { UsageError } from '../core/errors.js';
import { formatOf } from './context.js';
import { t } from '../render/i18n/index.js';
import { importFiles, type ImportOptions, type IngestResult } from '../pipeline/pipeline.js';
import { importSkipping, type LeftOut } from '../pipeline/skip.js';
import { Diagnostics, SHOWN } from '../core/diagnostic.js';
import { annotate } from './annotate.js';
import { loadRulesOrReport } from './rules-loader.js';
import { printIngest } from './ingest-output.js';
import { SUMMARY_FORMATS } from './output.js';
import { withProgress } from './progress.js';
import { answerInterrupt, wrote } from './interrupt.js';

export const importCommand: CommandSpec = {
  define: (lang) =>
    withOptions(
      new Command('import')
        .description(t(lang, 'h_import'))
        .argument('<paths...>', t(lang, 'h_paths'))
        .option('--replace', t(lang, 'h_replace'))
        .option('--add', t(lang, 'h_add'))
        .option('--verbose', t(lang, 'h_verbose'))
        .option('--org <code>', t(lang, 'h_replace_org'))
        .option('--dry-run', t(lang, 'h_dry_run'))
        .option('--limit <n>', t(lang, 'h_limit'))
        .option('--skip-invalid', t(lang, 'h_skip_invalid'))
        .option('--annotate <dir>', t(lang, 'h_annotate')),
      lang,
      'strict',
    ),
  async run(ctx, cmd) {
    const format = formatOf(ctx, SUMMARY_FORMATS);
    const rules = loadRulesOrReport(ctx);
    const o = cmd.opts<Options>();
    if (o.org !== undefined && !o.replace) throw new UsageError({ id: 'org_needs_replace' });
    if (o.replace && o.add) throw new UsageError({ id: 'replace_or_add' });
    const limit = limitOf(o.limit);
    // Ctrl-C while the files are read: the import stops there and writes nothing (a database it created goes too).
    const stop = new AbortController();
    const release = answerInterrupt(() => stop.abort());
    let r: IngestResult;
    let left: LeftOut[] = [];
    try {
      const run = await withProgress(ctx, ctx.t('progress_import'), (onFile) => {
        const opts: ImportOptions = {
          strict: o.strict === true,
          replace: o.replace === true,
          add: o.add === true,
          org: o.org ?? null,
          dryRun: o.dryRun === true,
          cwd: ctx.cwd,
          env: ctx.env,
          onFile,
          signal: stop.signal,
          // The annotated copies mark every error, not the first hundred.
          allErrors: o.annotate !== undefined,
        };
        return o.skipInvalid
          ? importSkipping(cmd.args, ctx.db, rules, opts)
          : importFiles(cmd.args, ctx.db, rules, opts).then((result) => ({ result, left: [] }));
      });
      r = run.result ?? nothingImported();
      left = run.left;
      if (r.number !== null) wrote(ctx.t('interrupted_db', { db: ctx.db.name }));
      // A Ctrl-C pressed during the final write is seen only now, once the write is done: say what became of it.
      await new Promise((go) => setImmediate(go));
      if (stop.signal.aborted && r.number !== null) ctx.note(ctx.t('interrupted_late', { n: r.number }));
    } finally {
      release();
    }
    if (o.annotate !== undefined) {
      await annotate(ctx, [...left.flatMap((l) => l.errors), ...r.diags.errors], o.annotate, [...left.map((l) => l.file), ...r.inputs]);
      r.diags.errors.splice(SHOWN);
    }
    // Imported from the wrong folder, a new database would go unnoticed: say so.
    if (r.created) ctx.note(ctx.t('db_created', { db: ctx.db.path }));
    const summary = o.dryRun ? ctx.t('dry_run', { files: r.files }) : ctx.c.green(ctx.t('import_ok', { files: r.files, db: ctx.db.name }));
    await printIngest(ctx, r, format, summary, { left, limit, verbose: o.verbose === true });
  },
};

/** --limit N: a whole number of changes, at least 1. */
function limitOf(v: string | undefined): number {
  if (v === undefined) return Infinity;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError({ id: 'bad_limit', params: { value: v } });
  return n;
}

interface Options {
  limit?: string;
  replace?: boolean;
  add?: boolean;
  verbose?: boolean;
  org?: string;
  dryRun?: boolean;
  strict?: boolean;
  skipInvalid?: boolean;
  annotate?: string;
}

/** What an import of no file gives: every file was left out. */
const nothingImported = (): IngestResult => ({
  files: 0,
  inputs: [],
  diags: new Diagnostics(),
  counts: null,
  records: 0,
  crossChecked: false,
  replace: null,
  changes: null,
  orgNames: new Map(),
  number: null,
  quarters: new Map(),
  unbuilt: new Map(),
});
