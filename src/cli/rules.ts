import { Command } from 'commander';
import { stringify } from 'yaml';
import type { CommandSpec } from './command.js';
import { formatOf } from './context.js';
import { t } from '../render/i18n/index.js';
import { loadRulesOrReport } from './rules-loader.js';

export const rulesCommand: CommandSpec = {
  define: (lang) => new Command('rules').description(t(lang, 'h_rules_cmd')),
  run(ctx) {
    const format = formatOf(ctx, ['yaml', 'json'] as const);
    const rules = loadRulesOrReport(ctx);
    ctx.print(format === 'json' ? JSON.stringify(rules, null, 2) : stringify(rules));
  },
};
