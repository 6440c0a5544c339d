import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { formatOf } from './context.js';
import { t } from '../render/i18n/index.js';
import { asEnvError, openDb } from '../store/db.js';
import { listImports } from '../store/history.js';
import { emit, TEXT_FORMATS } from './output.js';
import { logView } from '../render/views/history.js';

export const logCommand: CommandSpec = {
  define: (lang) => new Command('log').description(t(lang, 'h_log')),
  run(ctx) {
    const format = formatOf(ctx, TEXT_FORMATS);
    const db = openDb(ctx.db.path, 'read', ctx.db.name);
    let entries: ReturnType<typeof listImports>;
    try {
      entries = listImports(db);
    } catch (e) {
      throw asEnvError(e, ctx.db.name);
    } finally {
      db.close();
    }
    return emit(ctx, format, undefined, logView(entries, ctx.lang));
  },
};
