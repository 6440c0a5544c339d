import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { formatOf } from './context.js';
import { t } from '../render/i18n/index.js';
import { asEnvError, openDb } from '../store/db.js';
import { listImports } from '../store/history.js';
import { printDoc, TEXT_FORMATS } from './output.js';
import { logDoc, logJson } from '../render/views/history.js';

export const logCommand: CommandSpec = {
  define: (lang) => new Command('log').description(t(lang, 'h_log')),
  run(ctx) {
    const format = formatOf(ctx, TEXT_FORMATS);
    const db = openDb(ctx.db.path, 'read', ctx.db.name);
    try {
      const entries = listImports(db);
      if (format === 'json') ctx.printJson(logJson(entries));
      else printDoc(ctx, logDoc(entries, ctx.lang), format);
    } catch (e) {
      throw asEnvError(e, ctx.db.name);
    } finally {
      db.close();
    }
  },
};
