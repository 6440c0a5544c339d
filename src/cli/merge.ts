// cxzy merge: county databases rolled up into a city's (SPEC §3 "Merge").
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import type { CommandSpec } from './command.js';
import type { Ctx } from './context.js';
import { formatOf } from './context.js';
import { SUMMARY_FORMATS, summarize } from './output.js';
import { t } from '../render/i18n/index.js';
import { Reported } from '../core/errors.js';
import { asEnvError, openDb, removeDb } from '../store/db.js';
import { resolveSources, type MergeSource } from '../store/merge/sources.js';
import { mergeInto, type MergeOutcome } from '../store/merge/merge.js';
import type { Collisions } from '../store/merge/stage.js';
import { printCounts } from './ingest-output.js';
import { wrote } from './interrupt.js';
import { printable } from '../core/text.js';

type Options = { prefix?: boolean; under?: string; dryRun?: boolean };

/** Collisions shown before the rest are counted. */
const SHOWN = 10;

function printCollisions(ctx: Ctx, sources: MergeSource[], c: Collisions): never {
  const shown = c.named.slice(0, SHOWN);
  for (const x of shown) {
    // A stored file name or a source's code is data: shown without its control characters.
    const a = typeof x.first === 'number' ? sources[x.first].name : ctx.t('mg_target_rows', { file: printable(x.first) });
    ctx.stderr.write(`cxzy: ${ctx.t('mg_collision', { what: x.what, code: printable(x.code), a, b: sources[x.source].name })}\n`);
  }
  if (c.count > shown.length) ctx.stderr.write(`cxzy: ${ctx.t('mg_collision_more', { n: c.count - shown.length })}\n`);
  throw new Reported();
}

/** Opens (or creates) the target and merges; a target this run created is removed again unless the merge wrote. */
function run(ctx: Ctx, sources: MergeSource[], o: Options): MergeOutcome {
  const existed = existsSync(ctx.db.path);
  let out: MergeOutcome | null = null;
  try {
    const db = openDb(ctx.db.path, 'write', ctx.db.name);
    try {
      out = mergeInto(db, sources, { under: o.under ?? null, dryRun: o.dryRun === true });
    } finally {
      db.close();
    }
    return out;
  } catch (e) {
    throw asEnvError(e, ctx.db.name);
  } finally {
    if (!existed && out?.number == null) removeDb(ctx.db.path);
  }
}

export const mergeCommand: CommandSpec = {
  define: (lang) =>
    new Command('merge')
      .description(t(lang, 'h_merge'))
      .argument('<sources...>', t(lang, 'h_merge_sources'))
      .option('--prefix', t(lang, 'h_merge_prefix'))
      .option('--under <code>', t(lang, 'h_merge_under'))
      .option('--dry-run', t(lang, 'h_dry_run')),
  async run(ctx, cmd) {
    const format = formatOf(ctx, SUMMARY_FORMATS);
    const o = cmd.opts<Options>();
    const sources = resolveSources(cmd.args, ctx.cwd, ctx.db.path, o.prefix === true);
    const created = !existsSync(ctx.db.path);
    const r = run(ctx, sources, o);
    if (r.number !== null) wrote(ctx.t('interrupted_db', { db: ctx.db.name }));
    for (const k of r.kept) ctx.note(ctx.t('mg_kept', { db: k.source.name, prefix: k.source.prefix ?? '—', under: k.under ?? '—', n: k.n }));
    if (created && r.number !== null) ctx.note(ctx.t('db_created', { db: ctx.db.path }));
    if (r.collisions.count > 0) printCollisions(ctx, sources, r.collisions);
    await summarize(ctx, format, {
      data: () => ({
        sources: sources.map((s, i) => ({ path: s.name, prefix: s.prefix, sections: r.counts[i] })),
        ...(r.number === null ? {} : { import: r.number }),
      }),
      print: () => {
        if (ctx.quiet) return;
        ctx.print(o.dryRun ? ctx.t('mg_dry_run', { n: sources.length }) : ctx.c.green(ctx.t('mg_ok', { n: sources.length, db: ctx.db.name })));
        sources.forEach((s, i) => {
          ctx.print(ctx.t('mg_source', { db: s.name, prefix: s.prefix ?? ctx.t('mg_no_prefix') }));
          printCounts(ctx, r.counts[i]);
        });
        if (r.number !== null) ctx.print(ctx.t('mg_number', { n: r.number }));
      },
    });
  },
};
