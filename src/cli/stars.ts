import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { withOptions } from './command.js';
import { formatOf } from './context.js';
import { t } from '../render/i18n/index.js';
import { withStore } from './store.js';
import { printDoc, ROW_FORMATS } from './output.js';
import { choosePeriod } from '../analyses/period.js';
import { starsIn, subtree } from '../analyses/scope.js';
import { starsFromStore } from '../analyses/services.js';
import { starsDoc, starsJson } from '../render/stars.js';

export const starsCommand: CommandSpec = {
  define: (lang) => withOptions(new Command('stars').description(t(lang, 'h_stars')), lang, 'period', 'org'),
  run(ctx, cmd) {
    const format = formatOf(ctx, ROW_FORMATS);
    const o = cmd.opts<{ period?: string; org?: string }>();
    return withStore(ctx, ({ q, rules }) => {
      const period = choosePeriod(o.period, q.pointsPeriods(), 'points_data');
      const s = starsIn(starsFromStore(q, rules, period), subtree(q.orgs(), o.org));
      if (format === 'json') ctx.printJson(starsJson(s, ctx.lang));
      else printDoc(ctx, starsDoc(s, ctx.lang), format);
      return 0;
    });
  },
};
