import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { formatOf } from './context.js';
import { t } from '../render/i18n/index.js';
import { existsSync } from 'node:fs';
import { DataError, EnvError } from '../core/errors.js';
import { asEnvError, openDb } from '../store/db.js';
import { undoLatest } from '../store/history.js';
import { printDoc } from './output.js';
import { undoDoc, undoJson } from '../render/history.js';

export const undoCommand: CommandSpec = {
  define: (lang) => new Command('undo').description(t(lang, 'h_undo')),
  run(ctx) {
    const format = formatOf(ctx, ['table', 'json'] as const);
    // Undo never creates a database.
    if (!existsSync(ctx.db.path)) throw new EnvError({ id: 'db_missing', params: { db: ctx.db.name } });
    const db = openDb(ctx.db.path, 'write', ctx.db.name);
    try {
      const done = undoLatest(db);
      if (!done) throw new DataError({ id: 'undo_nothing' });
      if (format === 'json') ctx.printJson(undoJson(done.entry, done.counts));
      else if (!ctx.quiet) printDoc(ctx, undoDoc(done.entry, done.counts, ctx.lang), 'table');
    } catch (e) {
      throw asEnvError(e, ctx.db.name);
    } finally {
      db.close();
    }
  },
};
