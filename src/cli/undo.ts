import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { formatOf, type Ctx } from './context.js';
import { t } from '../render/i18n/index.js';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataError, EnvError } from '../core/errors.js';
import { asEnvError, openDb, type DB } from '../store/db.js';
import { latestImport, undoLatest } from '../store/history.js';
import { printTable, SUMMARY_FORMATS, summarize } from './output.js';
import { wrote } from './interrupt.js';
import { undoPreview, undoView } from '../render/views/history.js';

/**
 * On a terminal, what undo will revert, and the question (SPEC §3): the
 * number shown, or null when the user said no. In a pipe, or with --yes, it
 * does not ask.
 */
async function confirmed(ctx: Ctx, db: DB, yes: boolean): Promise<number | null | undefined> {
  const ask = ctx.io.ask;
  if (yes || !ask) return undefined;
  const entry = latestImport(db);
  if (!entry) throw new DataError({ id: 'undo_nothing' });
  ctx.stderr.write(`${undoPreview(entry, ctx.lang)}\n`);
  const answer = (await ask(ctx.t('undo_question'))).trim().toLowerCase();
  return ['y', 'yes', '是', '确认'].includes(answer) ? entry.number : null;
}

export const undoCommand: CommandSpec = {
  define: (lang) => new Command('undo').description(t(lang, 'h_undo')).option('--yes', t(lang, 'h_undo_yes')),
  async run(ctx, cmd) {
    const format = formatOf(ctx, SUMMARY_FORMATS);
    // Undo never creates a database.
    if (!existsSync(ctx.db.path)) throw new EnvError({ id: 'db_missing', params: { db: ctx.db.name, folder: dirname(ctx.db.path) } });
    const db = openDb(ctx.db.path, 'write', ctx.db.name);
    try {
      const shown = await confirmed(ctx, db, cmd.opts<{ yes?: boolean }>().yes === true);
      if (shown === null) return ctx.note(ctx.t('undo_cancelled'));
      const done = undoLatest(db, shown ?? null);
      if (!done) throw new DataError({ id: 'undo_nothing' });
      wrote(ctx.t('interrupted_db', { db: ctx.db.name }));
      const view = undoView(done.entry, done.counts, ctx.lang);
      await summarize(ctx, format, { data: view.data, print: () => ctx.quiet || printTable(ctx, view.doc()) });
    } catch (e) {
      throw asEnvError(e, ctx.db.name);
    } finally {
      db.close();
    }
  },
};
