import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { formatOf } from './context.js';
import { t } from '../render/i18n/index.js';
import { loadRulesOrReport } from './rules-loader.js';
import { emit, SETTINGS_FORMATS } from './output.js';

export const rulesCommand: CommandSpec = {
  define: (lang) => new Command('rules').description(t(lang, 'h_rules_cmd')),
  async run(ctx) {
    const format = formatOf(ctx, SETTINGS_FORMATS);
    const rules = loadRulesOrReport(ctx);
    await emit(ctx, format, undefined, {
      data: () => rules,
      doc: () => {
        throw new Error('the rules are data, not a document');
      },
    });
  },
};
